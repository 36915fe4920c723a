import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PollSummary, PollView } from '../../../types/api/polls'
import type { ProxyConsent } from '../../../types/model/poll'
import { useLoad } from '../../hooks/useLoad'
import { callFunction } from '../../services/cloud'
import { canRetry } from '../../services/errors'
import { saveBallots } from '../../services/ballots'
import { useSubscribe } from '../../services/subscribe'
import ResultBars, { type Bar } from '../ResultBars'
import { BODY_WORDS, SPOILED_WORD, YES_NO, choiceWords, closingWords } from './words'
import './index.css'

interface Props {
  /** The matter's newest poll (open, counting or closed) from getMatter. */
  summary: PollSummary
}

const CONSENT_WORDS: Record<ProxyConsent, string> = { inPerson: '当面同意', phone: '电话同意' }

/**
 * 民事民决 on the phone. The confirmation is drawn in the card itself (not WeChat's modal): it
 * follows 大字模式 like every other text, and its button keeps the id the tests tap (#vote-confirm).
 */
export default function VoteCard({ summary }: Props) {
  const [state, reload] = useLoad(() => callFunction('polls', 'getPoll', { pollId: summary.id }))
  return (
    <View className="vote-card" id="vote-card">
      <Text className="section-title">表决</Text>
      <Text className="vote-card__question" id="vote-question">
        {summary.question}
      </Text>
      <Text className="vote-card__body">{BODY_WORDS[summary.body]}</Text>
      {summary.secret && (
        <Text className="vote-card__secret" id="vote-secret">
          无记名投票：谁投了什么，任何人都看不到，村委会也看不到。
        </Text>
      )}
      {state.status === 'loading' && <Text className="vote-card__line">正在加载表决…</Text>}
      {state.status === 'error' && (
        <View className="vote-card__error">
          <Text className="vote-card__failure">{state.error.message}</Text>
          {canRetry(state.error) && (
            <Button className="vote-card__retry" size="large" onClick={reload}>
              再试一次
            </Button>
          )}
        </View>
      )}
      {state.status === 'ready' && <PollBodyView poll={state.data} onCast={reload} />}
    </View>
  )
}

/** 订阅消息: a small button to be told when the result is out (until it is). */
function NotifyWhenCounted({ pollId }: { pollId: string }) {
  const notify = useSubscribe('pollResult', pollId)
  if (notify.words) {
    return (
      <Text className="vote-card__line" id="vote-notify-done">
        {notify.words}
      </Text>
    )
  }
  return (
    <Button
      id="vote-notify"
      className="vote-card__change"
      size="small"
      loading={notify.busy}
      onClick={notify.ask}
    >
      结果出来时通知我
    </Button>
  )
}

function PollBodyView({ poll, onCast }: { poll: PollView; onCast: () => void }) {
  if (poll.phase === 'closed' && poll.result) return <PollResult poll={poll} />
  const mine = poll.myChoice ? choiceWords(poll.myChoice, poll.options) : undefined
  if (poll.phase !== 'open') {
    return (
      <View>
        <Text className="vote-card__line" id="vote-counting">
          投票已经截止（{closingWords(poll.closesAt)}），正在计票，结果会在这里公布。
        </Text>
        {mine && <Text className="vote-card__line">您投的是：{mine}</Text>}
        <NotifyWhenCounted pollId={poll.id} />
      </View>
    )
  }
  return (
    <View>
      <Text className="vote-card__line" id="vote-closes">
        截止时间：{closingWords(poll.closesAt)}
      </Text>
      {poll.turnout !== undefined && poll.electorateSize !== undefined && (
        <Text className="vote-card__line">
          已有 {poll.turnout} 人投票（名单上共 {poll.electorateSize} 人）
        </Text>
      )}
      <Ballot poll={poll} onCast={onCast} />
      <NotifyWhenCounted pollId={poll.id} />
    </View>
  )
}

function Ballot({ poll, onCast }: { poll: PollView; onCast: () => void }) {
  const [changing, setChanging] = useState(false)
  const may = poll.can.includes('castBallot')
  const mine = poll.myChoice ? choiceWords(poll.myChoice, poll.options) : undefined

  if (poll.myChannel === 'paper') {
    return (
      <View className="vote-card__done" id="vote-paper">
        <Text className="vote-card__done-title">已现场投票</Text>
        <Text className="vote-card__line">您已经在会上投了纸质票，手机上不用再投了。</Text>
      </View>
    )
  }
  if (!poll.eligible && !poll.myChannel) {
    return (
      <Text className="vote-card__line" id="vote-not-eligible">
        这次表决您不能在手机上投：表决开始时，您的微信账号还没有和村里名单上的您对应起来，或者您不在这次表决的名单上。请在说事日到会上投纸质票，或者问问村委会。
      </Text>
    )
  }
  const proxy = poll.myChannel === 'proxy' && poll.proxy
  return (
    <View>
      {proxy && (
        <View className="vote-card__done" id="vote-proxy">
          <Text className="vote-card__done-title">
            由 {proxy.byName} 代投（{CONSENT_WORDS[proxy.consent]}）
          </Text>
          {mine && <Text className="vote-card__line">代投的选择：{mine}</Text>}
          {may && <Text className="vote-card__line">截止前您可以自己改投，以最后一次为准。</Text>}
        </View>
      )}
      {!proxy && mine && (
        <View className="vote-card__done" id="vote-done">
          <Text className="vote-card__done-title">已投票，截止前可以修改</Text>
          <Text className="vote-card__line" id="vote-mine">
            您投的是：{mine}
          </Text>
        </View>
      )}
      {may && mine && !changing && (
        <Button
          id="vote-change"
          className="vote-card__change"
          size="large"
          block
          onClick={() => setChanging(true)}
        >
          {proxy ? '我自己来投' : '修改我的选择'}
        </Button>
      )}
      {may && (!mine || changing) && (
        <Choices
          poll={poll}
          onCast={() => {
            setChanging(false)
            onCast()
          }}
        />
      )}
    </View>
  )
}

function Choices({ poll, onCast }: { poll: PollView; onCast: () => void }) {
  const [picked, setPicked] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const yesNo = poll.kind === 'yesNo'
  const max = yesNo ? 1 : poll.maxSelections

  const pick = (key: string) => {
    setFailure(undefined)
    setPicked((old) => {
      if (max === 1) return [key]
      if (old.includes(key)) return old.filter((k) => k !== key)
      return old.length < max ? [...old, key] : old
    })
  }

  const confirm = async () => {
    if (picked.length === 0) return
    setBusy(true)
    setFailure(undefined)
    // Choice polls send the selected ids in the order of the options.
    const ids = poll.options.map((o) => o.id).filter((id) => picked.includes(id))
    const res = await callFunction('polls', 'castBallot', {
      pollId: poll.id,
      choice: yesNo ? picked[0] : ids,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    Taro.showToast({ title: '投票成功', icon: 'success' }).catch(() => undefined)
    onCast()
  }

  const choices = yesNo
    ? YES_NO.map((c) => ({ id: `vote-${c.key}`, key: c.key, label: c.label }))
    : poll.options.map((o) => ({ id: `vote-option-${o.id}`, key: o.id, label: o.label }))
  const words = yesNo
    ? choiceWords(picked[0] ?? '', poll.options)
    : choiceWords(
        poll.options
          .map((o) => o.id)
          .filter((id) => picked.includes(id))
          .join('+'),
        poll.options,
      )

  return (
    <View className="vote-card__choices">
      <Text className="vote-card__line">
        {max > 1 ? `请选择，最多选 ${max} 项（已选 ${picked.length} 项）` : '请选择一项：'}
      </Text>
      {choices.map((c) => {
        const on = picked.includes(c.key)
        return (
          <Button
            key={c.key}
            id={c.id}
            className={`vote-card__choice${on ? ' vote-card__choice--on' : ''}`}
            type={on ? 'primary' : 'default'}
            size="large"
            block
            onClick={() => pick(c.key)}
          >
            {on ? `✓ ${c.label}（已选）` : c.label}
          </Button>
        )
      })}
      {picked.length > 0 && (
        <View className="vote-card__confirm" id="vote-confirm-panel">
          <Text className="vote-card__confirm-text">您选的是：{words}。确定投这一票吗？</Text>
          {failure && (
            <Text className="vote-card__failure" id="vote-failure">
              {failure}
            </Text>
          )}
          <Button
            id="vote-confirm"
            className="vote-card__confirm-button"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={confirm}
          >
            {failure ? '再投一次' : `确定投“${words}”`}
          </Button>
        </View>
      )}
    </View>
  )
}

function PollResult({ poll }: { poll: PollView }) {
  const result = poll.result!
  const [saving, setSaving] = useState(false)
  const [note, setNote] = useState<string>()
  const bars: Bar[] =
    poll.kind === 'yesNo'
      ? YES_NO.map((c) => ({ key: c.key, label: c.label, count: result.counts[c.key] ?? 0 }))
      : poll.options.map((o) => ({ key: o.id, label: o.label, count: result.counts[o.id] ?? 0 }))
  if (result.spoiled > 0) bars.push({ key: 'spoiled', label: SPOILED_WORD, count: result.spoiled })
  const mine = poll.myChoice ? choiceWords(poll.myChoice, poll.options) : undefined

  const download = async () => {
    setSaving(true)
    setNote(undefined)
    const res = await callFunction('polls', 'exportBallots', { pollId: poll.id })
    if (!res.ok) {
      setSaving(false)
      return setNote(res.error.message)
    }
    const saved = await saveBallots(res.data)
    setSaving(false)
    if (!saved.ok) return setNote(saved.error.message)
    if (saved.data === 'cancelled') return
    setNote(
      saved.data === 'copied'
        ? '选票内容已复制，可以粘贴发给别人核对。'
        : saved.data === 'shared'
          ? '选票文件已发出，可以在电脑上核对。'
          : `选票文件已下载：${res.data.fileName}`,
    )
  }

  return (
    <View className="vote-card__result">
      <Text className="vote-card__sentence" id="vote-sentence">
        {result.sentence}
      </Text>
      <ResultBars
        bars={bars}
        total={result.present}
        winner={poll.kind === 'yesNo' ? (result.passed ? 'yes' : undefined) : result.winner}
      />
      <Text className="vote-card__line" id="vote-turnout">
        投票 {result.turnout} 人，名单上共 {result.electorate.size} 人
      </Text>
      {result.unconfirmedPaper > 0 && (
        <Text className="vote-card__line">
          另有 {result.unconfirmedPaper} 张纸质票没有经第二人核对，没有计入。
        </Text>
      )}
      {mine && <Text className="vote-card__line">您投的是：{mine}</Text>}
      <Text className="vote-card__digest" id="vote-digest">
        核对码：{result.digest}
      </Text>
      <Text className="vote-card__hint">
        下载的选票文件和这个核对码，可以在电脑上用 npm run verify-tally 核对计票有没有错。
      </Text>
      {poll.can.includes('exportBallots') && (
        <Button
          id="vote-download"
          className="vote-card__download"
          size="large"
          block
          loading={saving}
          onClick={download}
        >
          下载选票，核对计票
        </Button>
      )}
      {note && (
        <Text className="vote-card__line" id="vote-download-note">
          {note}
        </Text>
      )}
    </View>
  )
}

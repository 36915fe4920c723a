import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError, Envelope } from '../../../../../types/api'
import type { PollView, ReachReport, VoterView } from '../../../../../types/api/polls'
import type { ProxyConsent } from '../../../../../types/model/poll'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { choiceWords, closingWords } from '../../../../components/VoteCard/words'
import { useLoad } from '../../../../hooks/useLoad'
import { ROUTES, withQuery } from '../../../../routes'
import { callFunction } from '../../../../services/cloud'
import {
  dismiss,
  enqueue,
  startPendingSync,
  stateWords,
  usePending,
  type PendingItem,
} from '../../../../services/pending'
import {
  ballotChoices,
  boxLines,
  boxSum,
  MARK_WORDS,
  matching,
  paperStep,
  parseCount,
  stepWords,
  tickedCount,
  voterMark,
} from './model'
import './index.css'

const NO_POLL: AppError = { code: 'NOT_FOUND', message: '没有找到这次表决。' }

interface MeetingData {
  poll: PollView
  voters: VoterView[]
  reach?: ReachReport
}

/** 现场投票 at the meeting (`?pollId=`): getPoll, listVoters and reachReport on open. */
export default function Meeting() {
  const raw = Taro.getCurrentInstance().router?.params?.pollId ?? ''
  return <MeetingScreen pollId={decoded(raw)} />
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

async function loadMeeting(pollId: string): Promise<Envelope<MeetingData>> {
  if (!pollId) return { ok: false, error: NO_POLL }
  const [poll, voters, reach] = await Promise.all([
    callFunction('polls', 'getPoll', { pollId }),
    callFunction('polls', 'listVoters', { pollId }),
    callFunction('polls', 'reachReport', { pollId }),
  ])
  if (!poll.ok) return poll
  if (!voters.ok) return voters
  return {
    ok: true,
    data: {
      poll: poll.data,
      voters: voters.data.items,
      ...(reach.ok ? { reach: reach.data } : {}),
    },
  }
}

export function MeetingScreen({ pollId }: { pollId: string }) {
  const load = useCallback(() => loadMeeting(pollId), [pollId])
  const [state, reload] = useLoad(load)
  const [fresh, setFresh] = useState<MeetingData>()
  const pending = usePending(`poll:${pollId}`)
  const refresh = useCallback(async () => {
    const res = await load()
    if (res.ok) setFresh(res.data)
  }, [load])
  useDidShow(() => startPendingSync())
  // Something of this poll was delivered since the screen opened: the turnout has changed.
  const delivered = pending.filter((i) => i.state === 'sent').length
  const seen = useRef(delivered)
  useEffect(() => {
    if (delivered > seen.current) void refresh()
    seen.current = delivered
  }, [delivered, refresh])
  return (
    <Screen className="meeting">
      <LoadView state={state} onRetry={reload}>
        {(data) => <MeetingBody data={fresh ?? data} pending={pending} onChanged={refresh} />}
      </LoadView>
    </Screen>
  )
}

interface BodyProps {
  data: MeetingData
  pending: PendingItem[]
  onChanged: () => void
}

function MeetingBody({ data, pending, onChanged }: BodyProps) {
  const { poll, voters, reach } = data
  const open = poll.phase === 'open'
  const voted = voters.filter((v) => v.voted).length
  const size = poll.electorateSize ?? voters.length
  return (
    <View className="meeting__page">
      <View className="meeting__card" id="meeting-poll">
        <Text className="meeting__title" id="meeting-question">
          {poll.question}
        </Text>
        <Text className="meeting__meta">
          {poll.secret ? '不记名投票' : '记名投票'} · {PHASE_WORDS[poll.phase]} ·{' '}
          {closingWords(poll.closesAt)}截止
        </Text>
        <Text className="meeting__turnout" id="meeting-turnout">
          已投票 {poll.turnout ?? voted} 人，共 {size} 人
        </Text>
      </View>

      <PendingList items={pending} />

      {!open && (
        <View className="meeting__card" id="meeting-closed">
          <Text className="meeting__text">
            {poll.phase === 'closed'
              ? '这次表决已经计票公布了。'
              : poll.phase === 'counting'
                ? '投票已经截止，正在计票。'
                : '这次表决还没有开始。'}
          </Text>
          {poll.result && (
            <Text className="meeting__text" id="meeting-result">
              {poll.result.sentence}
            </Text>
          )}
          {poll.result && (
            <Button
              id="meeting-notice"
              type="primary"
              size="large"
              block
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.notice, { pollId: poll.id }) })
              }
            >
              决议公告（贴到公告栏）›
            </Button>
          )}
        </View>
      )}

      {open && poll.secret && <SecretPaper data={data} pending={pending} />}
      {open && !poll.secret && <NamedPaper data={data} pending={pending} />}
      {open && <ProxyBallot data={data} onDone={onChanged} />}
      {reach && <NotReached reach={reach} />}
      {poll.can.includes('closePoll') && open && (
        <CloseEarly poll={poll} voted={poll.turnout ?? voted} size={size} onDone={onChanged} />
      )}
    </View>
  )
}

const PHASE_WORDS: Record<PollView['phase'], string> = {
  draft: '还没开始',
  open: '正在投票',
  counting: '已截止，正在计票',
  closed: '已公布结果',
}

// ---- the queue -----------------------------------------------------------------------------

function PendingList({ items }: { items: PendingItem[] }) {
  if (items.length === 0) return null
  return (
    <View className="meeting__card" id="meeting-pending">
      <Text className="section-title">这台手机上录的</Text>
      {items.map((item) => (
        <View
          key={item.id}
          className={`pending-item pending-item--${item.state}`}
          id={`pending-${item.key.replace(/[^\w-]/g, '-')}`}
        >
          <Text className="pending-item__label">{item.label}</Text>
          <Text className="pending-item__state">{stateWords(item)}</Text>
          {item.state === 'refused' && (
            <Button className="pending-item__dismiss" size="large" onClick={() => dismiss(item.id)}>
              知道了
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}

/** Brings the queue's list into sight, where the counts just entered show their state. */
function showQueue(): void {
  const scroll = (Taro as { pageScrollTo?: typeof Taro.pageScrollTo }).pageScrollTo
  // After the list has been drawn with the new item.
  setTimeout(() => {
    try {
      void scroll?.({ selector: '#meeting-pending', duration: 300 })?.catch(() => undefined)
    } catch {
      // An old WeChat without the selector: the list is at the top of the page.
    }
  }, 100)
}

// ---- secret polls: tick-off and the box -----------------------------------------------------

function SecretPaper({ data, pending }: { data: MeetingData; pending: PendingItem[] }) {
  const { poll, voters } = data
  const ticked = tickedCount(voters, pending)
  const step = paperStep(ticked, pending)
  const countsGone = step >= 3
  // Kept here, so the choice survives the form being drawn again (a refusal brings it back).
  const [role, setRole] = useState<'enter' | 'confirm'>('enter')
  return (
    <>
      <View className="meeting__card">
        <Text className="meeting__step" id="meeting-step">
          {stepWords(step, pending)}
        </Text>
      </View>
      {!countsGone && <TickOff poll={poll} voters={voters} pending={pending} ticked={ticked} />}
      {step !== 4 && (
        <BoxCounts poll={poll} ticked={ticked} step={step} chosenRole={role} onRole={setRole} />
      )}
    </>
  )
}

function TickOff({
  poll,
  voters,
  pending,
  ticked,
}: {
  poll: PollView
  voters: VoterView[]
  pending: PendingItem[]
  ticked: number
}) {
  const [search, setSearch] = useState('')
  const shown = matching(voters, search)
  const tick = async (voter: VoterView) => {
    const already = voter.voted
      ? '他已经投过票了（手机或代投），登记纸质票以后，之前的票作废，只算纸质票。'
      : ''
    const sure = await Taro.showModal({
      title: `登记 ${voter.name} 投纸质票？`,
      content: `${already}登记以后他不能再在手机上投票，也不能撤销。`,
      confirmText: '登记',
      cancelText: '不登记',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    enqueue({
      fn: 'polls',
      action: 'markPaperVoter',
      payload: { pollId: poll.id, personId: voter.personId },
      label: `登记 ${voter.name} 投纸质票`,
      scope: `poll:${poll.id}`,
      key: `tick:${poll.id}:${voter.personId}`,
    })
  }
  return (
    <View className="meeting__card" id="meeting-tickoff">
      <Text className="section-title">登记投纸质票的人（已登记 {ticked} 人）</Text>
      <Input
        id="meeting-search"
        className="meeting__input"
        value={search}
        placeholder="输入名字找人"
        onInput={(e) => setSearch(e.detail.value)}
      />
      {shown.length === 0 && <EmptyView title="名单里没有这个名字" />}
      {shown.map((v) => {
        const mark = voterMark(v, pending)
        const done = mark === 'paper' || mark === 'ticking'
        return (
          <View
            key={v.personId}
            id={`tick-${v.personId}`}
            className={`meeting__row meeting__row--${mark}`}
            role="button"
            {...FOCUSABLE}
            onClick={done ? undefined : () => void tick(v)}
          >
            <Text className="meeting__row-name">{v.name}</Text>
            <Text className="meeting__row-mark">
              {done ? MARK_WORDS[mark] : `${MARK_WORDS[mark]} · 点这里登记`}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

interface BoxProps {
  poll: PollView
  ticked: number
  step: number
  chosenRole: 'enter' | 'confirm'
  onRole: (role: 'enter' | 'confirm') => void
}

function BoxCounts({ poll, ticked, step, chosenRole, onRole: setRole }: BoxProps) {
  const lines = boxLines(poll)
  const [typed, setTyped] = useState<Record<string, string>>({})
  // This phone entered them: only another member may confirm; here they may only be entered again.
  const mine = step === 3
  const role = mine ? 'enter' : chosenRole
  const [problem, setProblem] = useState<string>()
  const sum = boxSum(typed)
  const bad = lines.some((l) => Number.isNaN(parseCount(typed[l.choice] ?? '')))
  const adds = !bad && ticked > 0 && sum === ticked
  const send = async () => {
    setProblem(undefined)
    if (!adds) return setProblem(`合计 ${sum} 张，登记了 ${ticked} 人，要一样才能提交。`)
    const counts = lines
      .map((l) => ({ choice: l.choice, count: parseCount(typed[l.choice] ?? '') }))
      .filter((l) => l.count > 0)
    const words = counts
      .map((c) => `${lines.find((l) => l.choice === c.choice)?.label} ${c.count}`)
      .join('，')
    const sure = await Taro.showModal({
      title: role === 'enter' ? '录入票箱的票数？' : '确认票箱的票数？',
      content: `${words}，合计 ${sum} 张。`,
      confirmText: role === 'enter' ? '录入' : '确认',
      cancelText: '再看看',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    enqueue({
      fn: 'polls',
      action: role === 'enter' ? 'enterPaperCounts' : 'confirmPaperCounts',
      payload: { pollId: poll.id, counts },
      label: `${role === 'enter' ? '录入' : '确认'}票箱票数：${words}`,
      scope: `poll:${poll.id}`,
      key: `${role}:${poll.id}`,
    })
    setTyped({})
    showQueue()
  }
  return (
    <View className="meeting__card" id="meeting-counts">
      <Text className="section-title">{mine ? '要改的话，重新录入票数' : '票箱的票数'}</Text>
      {!mine && (
        <View className="meeting__choices">
          <Button
            id="meeting-counts-enter"
            size="large"
            type={role === 'enter' ? 'primary' : 'default'}
            onClick={() => setRole('enter')}
          >
            我是第一位：录入
          </Button>
          <Button
            id="meeting-counts-confirm"
            size="large"
            type={role === 'confirm' ? 'primary' : 'default'}
            onClick={() => setRole('confirm')}
          >
            我是第二位：确认
          </Button>
        </View>
      )}
      <Text className="meeting__meta" id="meeting-counts-role">
        {mine
          ? '您已经录入了，确认要由另一位村委会成员在他的手机上做。'
          : role === 'enter'
            ? '清点票箱以后，录入每一项的票数。'
            : '另一位已经录入了：请照着计票单再录一遍，一样才算确认。'}
      </Text>
      {lines.map((l) => (
        <View key={l.choice} className="meeting__count">
          <Text className="meeting__count-label">{l.label}</Text>
          <Input
            id={`count-${l.choice}`}
            className="meeting__count-input"
            type="number"
            value={typed[l.choice] ?? ''}
            placeholder="0"
            onInput={(e) => setTyped((old) => ({ ...old, [l.choice]: e.detail.value }))}
          />
        </View>
      ))}
      <Text
        className={`meeting__sum ${adds ? 'meeting__sum--ok' : 'meeting__sum--off'}`}
        id="meeting-counts-sum"
      >
        {bad
          ? '票数只能填数字'
          : `合计 ${sum} 张，登记了 ${ticked} 人${adds ? '，对上了' : '，还没对上'}`}
      </Text>
      {problem && (
        <Text className="meeting__problem" id="meeting-counts-problem">
          {problem}
        </Text>
      )}
      <Button
        id="meeting-counts-submit"
        type="primary"
        size="large"
        block
        disabled={!adds}
        onClick={() => void send()}
      >
        {role === 'enter' ? '录入票数' : '确认票数'}
      </Button>
    </View>
  )
}

// ---- choosing a person and a choice (named paper ballots, 代投) --------------------------------

function PersonPicker({
  id,
  people,
  chosen,
  onChoose,
}: {
  id: string
  people: VoterView[]
  chosen?: string
  onChoose: (personId: string) => void
}) {
  const [search, setSearch] = useState('')
  const shown = matching(people, search)
  return (
    <View className="meeting__picker">
      <Input
        id={`${id}-search`}
        className="meeting__input"
        value={search}
        placeholder="输入名字找人"
        onInput={(e) => setSearch(e.detail.value)}
      />
      {shown.length === 0 && <Text className="meeting__meta">名单里没有这个名字</Text>}
      {shown.slice(0, 8).map((p) => (
        <View
          key={p.personId}
          id={`${id}-${p.personId}`}
          className={`meeting__row ${chosen === p.personId ? 'meeting__row--chosen' : ''}`}
          role="button"
          {...FOCUSABLE}
          onClick={() => onChoose(p.personId)}
        >
          <Text className="meeting__row-name">{p.name}</Text>
          <Text className="meeting__row-mark">
            {chosen === p.personId ? '已选' : p.voted ? '已投票' : '还没投票'}
          </Text>
        </View>
      ))}
    </View>
  )
}

function ChoicePicker({
  id,
  poll,
  chosen,
  onChange,
}: {
  id: string
  poll: PollView
  chosen: string[]
  onChange: (next: string[]) => void
}) {
  const many = poll.kind === 'choice' && poll.maxSelections > 1
  const toggle = (c: string) => {
    if (!many) return onChange([c])
    if (chosen.includes(c)) return onChange(chosen.filter((x) => x !== c))
    if (chosen.length < poll.maxSelections) onChange([...chosen, c])
  }
  return (
    <View className="meeting__choices">
      {ballotChoices(poll).map((c) => (
        <Button
          key={c.choice}
          id={`${id}-${c.choice}`}
          size="large"
          type={chosen.includes(c.choice) ? 'primary' : 'default'}
          onClick={() => toggle(c.choice)}
        >
          {c.label}
        </Button>
      ))}
    </View>
  )
}

/** What a choice is sent as: yesNo the word, choice polls the option ids. */
function asChoice(poll: PollView, chosen: string[]): string | string[] {
  return poll.kind === 'yesNo' ? (chosen[0] ?? '') : chosen
}

// ---- open polls: named paper ballots --------------------------------------------------------

function NamedPaper({ data, pending }: { data: MeetingData; pending: PendingItem[] }) {
  const { poll, voters } = data
  const [personId, setPersonId] = useState<string>()
  const [chosen, setChosen] = useState<string[]>([])
  const [role, setRole] = useState<'enter' | 'confirm'>('enter')
  const person = voters.find((v) => v.personId === personId)
  const send = async () => {
    if (!person || chosen.length === 0) return
    const words = choiceWords(chosen.slice().sort().join('+'), poll.options)
    const sure = await Taro.showModal({
      title: role === 'enter' ? '录入这张纸质票？' : '确认这张纸质票？',
      content: `${person.name}：${words}`,
      confirmText: role === 'enter' ? '录入' : '确认',
      cancelText: '再看看',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    const action = role === 'enter' ? 'enterPaperBallot' : 'confirmPaperBallot'
    enqueue({
      fn: 'polls',
      action,
      payload: { pollId: poll.id, personId: person.personId, choice: asChoice(poll, chosen) },
      label: `${role === 'enter' ? '录入' : '确认'} ${person.name} 的纸质票：${words}`,
      scope: `poll:${poll.id}`,
      key: `${action}:${poll.id}:${person.personId}`,
    })
    setPersonId(undefined)
    setChosen([])
  }
  const entered = pending.filter((i) => i.action === 'enterPaperBallot').length
  return (
    <View className="meeting__card" id="meeting-ballot">
      <Text className="section-title">记名纸质票（这台手机录了 {entered} 张）</Text>
      <Text className="meeting__meta">
        一位村委会成员录入，另一位在自己的手机上选同一个人、同一个选择确认，才算数。
      </Text>
      <View className="meeting__choices">
        <Button
          id="meeting-ballot-enter"
          size="large"
          type={role === 'enter' ? 'primary' : 'default'}
          onClick={() => setRole('enter')}
        >
          我来录入
        </Button>
        <Button
          id="meeting-ballot-confirm"
          size="large"
          type={role === 'confirm' ? 'primary' : 'default'}
          onClick={() => setRole('confirm')}
        >
          我来确认
        </Button>
      </View>
      <PersonPicker id="ballot-person" people={voters} chosen={personId} onChoose={setPersonId} />
      <ChoicePicker id="ballot-choice" poll={poll} chosen={chosen} onChange={setChosen} />
      <Button
        id="meeting-ballot-submit"
        type="primary"
        size="large"
        block
        disabled={!person || chosen.length === 0}
        onClick={() => void send()}
      >
        {role === 'enter' ? '录入纸质票' : '确认纸质票'}
      </Button>
    </View>
  )
}

// ---- 代投 -------------------------------------------------------------------------------------

const CONSENTS: Array<{ key: ProxyConsent; label: string }> = [
  { key: 'inPerson', label: '当面同意' },
  { key: 'phone', label: '电话同意' },
]

function ProxyBallot({ data, onDone }: { data: MeetingData; onDone: () => void }) {
  const { poll, voters } = data
  const [personId, setPersonId] = useState<string>()
  const [chosen, setChosen] = useState<string[]>([])
  const [consent, setConsent] = useState<ProxyConsent>()
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<{ ok: boolean; text: string }>()
  const candidates = voters.filter((v) => v.channel !== 'paper')
  const person = voters.find((v) => v.personId === personId)
  const ready = !!person && chosen.length > 0 && !!consent
  const send = async () => {
    if (!person || !consent || chosen.length === 0) return
    const words = choiceWords(chosen.slice().sort().join('+'), poll.options)
    const how = CONSENTS.find((c) => c.key === consent)?.label
    const sure = await Taro.showModal({
      title: `替 ${person.name} 代投？`,
      content: `${how}，选：${words}。他本人在截止前还可以自己改。`,
      confirmText: '代投',
      cancelText: '再看看',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    setSaid(undefined)
    const res = await callFunction('polls', 'castProxyBallot', {
      pollId: poll.id,
      personId: person.personId,
      choice: asChoice(poll, chosen),
      consent,
    })
    setBusy(false)
    if (!res.ok) return setSaid({ ok: false, text: res.error.message })
    setSaid({
      ok: true,
      text: `已替 ${person.name} 代投。您在这次表决还能代投 ${res.data.remaining} 人。`,
    })
    setPersonId(undefined)
    setChosen([])
    setConsent(undefined)
    onDone()
  }
  return (
    <View className="meeting__card" id="meeting-proxy">
      <Text className="section-title">代投（本人同意，替他投）</Text>
      <PersonPicker
        id="proxy-person"
        people={candidates}
        chosen={personId}
        onChoose={setPersonId}
      />
      <ChoicePicker id="proxy-choice" poll={poll} chosen={chosen} onChange={setChosen} />
      <View className="meeting__choices">
        {CONSENTS.map((c) => (
          <Button
            key={c.key}
            id={`proxy-consent-${c.key}`}
            size="large"
            type={consent === c.key ? 'primary' : 'default'}
            onClick={() => setConsent(c.key)}
          >
            {c.label}
          </Button>
        ))}
      </View>
      {said && (
        <Text
          className={said.ok ? 'meeting__done' : 'meeting__problem'}
          id={said.ok ? 'meeting-proxy-done' : 'meeting-proxy-problem'}
        >
          {said.text}
        </Text>
      )}
      <Button
        id="meeting-proxy-submit"
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={!ready || busy}
        onClick={() => void send()}
      >
        记下代投
      </Button>
    </View>
  )
}

// ---- 送达 and closing early -----------------------------------------------------------------

function NotReached({ reach }: { reach: ReachReport }) {
  return (
    <View className="meeting__card" id="meeting-reach">
      <Text className="section-title">
        已通知到 {reach.reached} 人，还有 {reach.notReached.length} 人没通知到
      </Text>
      {reach.notReached.length === 0 ? (
        <Text className="meeting__text">大家都通知到了。</Text>
      ) : (
        <View className="meeting__names" id="meeting-not-reached">
          {reach.notReached.map((p) => (
            <Text key={p.personId} className="meeting__name">
              {p.name}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

function CloseEarly({
  poll,
  voted,
  size,
  onDone,
}: {
  poll: PollView
  voted: number
  size: number
  onDone: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<{ ok: boolean; text: string }>()
  const everyone = voted >= size
  const close = async () => {
    const sure = await Taro.showModal({
      title: '提前结束投票？',
      content: '大家都投了票。结束以后谁也不能再投，一分钟内计票公布。',
      confirmText: '结束投票',
      cancelText: '不结束',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    const res = await callFunction('polls', 'closePoll', { pollId: poll.id })
    setBusy(false)
    if (!res.ok) return setSaid({ ok: false, text: res.error.message })
    setSaid({ ok: true, text: '投票已结束，正在计票。' })
    onDone()
  }
  return (
    <View className="meeting__card" id="meeting-close">
      <Text className="section-title">提前结束</Text>
      <Text className="meeting__meta">
        {everyone
          ? '所有人都投了票，可以提前结束。'
          : `还有 ${size - voted} 人没投票，大家都投了才能提前结束。`}
      </Text>
      {said && (
        <Text
          className={said.ok ? 'meeting__done' : 'meeting__problem'}
          id={said.ok ? 'meeting-close-done' : 'meeting-close-problem'}
        >
          {said.text}
        </Text>
      )}
      <Button
        id="meeting-close-submit"
        size="large"
        block
        loading={busy}
        disabled={!everyone || busy}
        onClick={() => void close()}
      >
        提前结束投票
      </Button>
    </View>
  )
}

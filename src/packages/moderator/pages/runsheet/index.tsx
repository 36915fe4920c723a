import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterSummary, RunSheetItem, RunSheetView } from '../../../../../types/api/matters'
import { MATTER_SCHEMAS } from '../../../../../domain/matters/schemas'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import StatusTag from '../../../../components/StatusTag'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import {
  dismiss,
  enqueue,
  startPendingSync,
  stateWords,
  usePending,
  type PendingItem,
} from '../../../../services/pending'
import { matterUrl, ROUTES, withQuery } from '../../../../routes'
import { clockWords, elapsed, loadCurrent, loadTimer, saveCurrent, saveTimer } from './timer'
import './index.css'

/** 主持说事 (`?talkDay=YYYY-MM-DD`, default the next): one getRunSheet call on open. */
export default function RunSheet() {
  const raw = Taro.getCurrentInstance().router?.params?.talkDay ?? ''
  return <RunSheetScreen talkDay={/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined} />
}

export function RunSheetScreen({ talkDay }: { talkDay?: string }) {
  const load = useCallback(
    () => callFunction('matters', 'getRunSheet', talkDay ? { talkDay } : {}),
    [talkDay],
  )
  const [state, reload] = useLoad(load)
  const [fresh, setFresh] = useState<RunSheetView>()
  const refresh = useCallback(async () => {
    const res = await load()
    if (res.ok) setFresh(res.data)
  }, [load])
  useDidShow(() => startPendingSync())
  return (
    <Screen className="runsheet">
      <LoadView state={state} onRetry={reload}>
        {(sheet) => <RunSheetBody sheet={fresh ?? sheet} onChanged={refresh} />}
      </LoadView>
    </Screen>
  )
}

/** Where an item is: 讨论 (on the agenda, or being discussed), 表决 (a poll), or done. */
function stageOf(item: RunSheetItem): { words: string; step: 1 | 2 | 3 } {
  if (item.status === 'accepted') return { words: '第 1 步 讨论：还没开始', step: 1 }
  if (item.status === 'discussing') {
    const poll = item.polls[0]
    if (poll && (poll.phase === 'open' || poll.phase === 'counting')) {
      return { words: '第 2 步 表决：正在投票', step: 2 }
    }
    return { words: '第 1 步 讨论：正在讨论', step: 1 }
  }
  if (item.status === 'deciding') return { words: '第 2 步 表决：正在投票', step: 2 }
  return { words: '第 3 步：这一项议完了，下一项', step: 3 }
}

function RunSheetBody({ sheet, onChanged }: { sheet: RunSheetView; onChanged: () => void }) {
  const { items } = sheet
  const [currentId, setCurrentId] = useState<string | undefined>(() => loadCurrent(sheet.talkDay))
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === currentId),
  )
  const item = items[index]
  const go = (to: number) => {
    const next = items[to]
    if (!next) return
    saveCurrent(sheet.talkDay, next.id)
    setCurrentId(next.id)
  }
  const pending = usePending(`talkDay:${sheet.talkDay}`)
  return (
    <View className="runsheet__page">
      <View className="runsheet__card" id="runsheet-day">
        <Text className="runsheet__title">
          {formatMonthDayWeekday(sheet.talkDay)} 说事日{sheet.today ? '（今天）' : ''}
        </Text>
        <Text className="runsheet__meta">议程共 {items.length} 项</Text>
        {sheet.moderationPending > 0 && (
          <Button
            id="runsheet-queue-link"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: ROUTES.moderationQueue })}
          >
            有 {sheet.moderationPending} 条发言等审核 ›
          </Button>
        )}
      </View>

      <Pending items={pending} />

      {item ? (
        <AgendaItem
          key={item.id}
          item={item}
          talkDay={sheet.talkDay}
          number={index + 1}
          count={items.length}
          onPrev={index > 0 ? () => go(index - 1) : undefined}
          onNext={index < items.length - 1 ? () => go(index + 1) : undefined}
          onChanged={onChanged}
        />
      ) : (
        <EmptyView id="runsheet-empty" title="这天的议程上还没有事" />
      )}

      {items.length > 1 && (
        <View className="runsheet__card" id="runsheet-list">
          <Text className="section-title">全部议程</Text>
          {items.map((it, i) => (
            <View
              key={it.id}
              id={`runsheet-line-${it.id}`}
              className={`runsheet__line ${i === index ? 'runsheet__line--current' : ''}`}
              role="button"
              {...FOCUSABLE}
              onClick={() => go(i)}
            >
              <Text className="runsheet__line-title">
                {i + 1}. {it.title}
              </Text>
              <StatusTag status={it.status} />
            </View>
          ))}
        </View>
      )}

      <ToClose matters={sheet.toClose} onChanged={onChanged} />
    </View>
  )
}

interface ItemProps {
  item: RunSheetItem
  talkDay: string
  number: number
  count: number
  onPrev?: () => void
  onNext?: () => void
  onChanged: () => void
}

function AgendaItem({ item, talkDay, number, count, onPrev, onNext, onChanged }: ItemProps) {
  const stage = stageOf(item)
  const poll = item.polls.find((p) => p.phase === 'open' || p.phase === 'counting')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const start = async () => {
    setBusy(true)
    setProblem(undefined)
    const res = await callFunction('matters', 'startDiscussion', { matterId: item.id })
    setBusy(false)
    if (!res.ok) return setProblem(res.error.message)
    onChanged()
  }
  return (
    <View className="runsheet__card" id="runsheet-item">
      <Text className="runsheet__meta">
        第 {number} 项，共 {count} 项
      </Text>
      <Text className="runsheet__title" id="runsheet-item-title">
        {item.title}
      </Text>
      <View className="runsheet__tags">
        <StatusTag status={item.status} id="runsheet-item-status" />
      </View>
      <Text className="runsheet__stage" id="runsheet-stage">
        {stage.words}
      </Text>
      <Text className="runsheet__body">{item.body}</Text>

      <Timer talkDay={talkDay} matterId={item.id} />

      {problem && (
        <Text className="runsheet__problem" id="runsheet-problem">
          {problem}
        </Text>
      )}
      <View className="runsheet__actions">
        {item.can.includes('startDiscussion') && (
          <Button
            id="runsheet-start-discussion"
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy}
            onClick={() => void start()}
          >
            开始讨论
          </Button>
        )}
        {poll && (
          <Button
            id="runsheet-meeting"
            type="primary"
            size="large"
            block
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { pollId: poll.id }) })
            }
          >
            去现场投票（登记纸质票、录票数）›
          </Button>
        )}
        {!poll && item.can.includes('draftPoll') && (
          <Button
            id="runsheet-draft-poll"
            size="large"
            block
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(ROUTES.pollDraft, { matterId: item.id }) })
            }
          >
            发起表决 ›
          </Button>
        )}
        <Button
          id="runsheet-matter"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: matterUrl(item.id) })}
        >
          看这件事的讨论 ›
        </Button>
      </View>

      <Minutes item={item} talkDay={talkDay} />

      <View className="runsheet__nav">
        <Button id="runsheet-prev" size="large" disabled={!onPrev} onClick={onPrev}>
          ‹ 上一项
        </Button>
        <Button id="runsheet-next" type="primary" size="large" disabled={!onNext} onClick={onNext}>
          下一项 ›
        </Button>
      </View>
    </View>
  )
}

function Timer({ talkDay, matterId }: { talkDay: string; matterId: string }) {
  const [mark, setMark] = useState(() => loadTimer(talkDay, matterId))
  const [now, setNow] = useState(() => Date.now())
  const running = !!mark && mark.stoppedAt === undefined
  useEffect(() => {
    if (!running) return undefined
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [running])
  const set = (next: typeof mark) => {
    saveTimer(talkDay, matterId, next)
    setMark(next)
    setNow(Date.now())
  }
  return (
    <View className="runsheet__timer-box">
      <Text className="runsheet__timer" id="runsheet-timer">
        {clockWords(elapsed(mark, now))}
      </Text>
      <Text className="runsheet__meta">
        {running ? '这一项已经议了这么久' : mark ? '计时停了' : '还没开始计时'}
      </Text>
      <View className="runsheet__nav">
        {!running && (
          <Button
            id="runsheet-timer-start"
            size="large"
            onClick={() =>
              set(
                mark
                  ? { startedAt: Date.now() - elapsed(mark, Date.now()) }
                  : { startedAt: Date.now() },
              )
            }
          >
            {mark ? '接着计时' : '开始计时'}
          </Button>
        )}
        {running && (
          <Button
            id="runsheet-timer-stop"
            size="large"
            onClick={() => set({ ...mark, stoppedAt: Date.now() })}
          >
            停止计时
          </Button>
        )}
        {mark && !running && (
          <Button id="runsheet-timer-reset" size="large" onClick={() => set(undefined)}>
            清零
          </Button>
        )}
      </View>
    </View>
  )
}

function Minutes({ item, talkDay }: { item: RunSheetItem; talkDay: string }) {
  const key = `minutes:${item.id}:${talkDay}`
  const form = useSchemaForm(
    MATTER_SCHEMAS.recordMinutes,
    { matterId: item.id, talkDay, text: item.minutes },
    key,
  )
  const open = item.can.includes('recordMinutes')
  const save = () => {
    const input = form.check()
    if (!input) return
    enqueue({
      fn: 'matters',
      action: 'recordMinutes',
      payload: input,
      label: `「${item.title}」的会议纪要`,
      scope: `talkDay:${talkDay}`,
      key,
    })
    form.sent()
  }
  return (
    <View className="runsheet__minutes" id="runsheet-minutes">
      <Text className="section-title">会议纪要</Text>
      {open ? (
        <>
          <Textarea
            id="runsheet-minutes-text"
            className="runsheet__textarea"
            value={form.values.text}
            maxlength={2010}
            placeholder="大家说了什么，定了什么"
            onInput={(e) => form.set('text', e.detail.value)}
          />
          {form.errors.text && (
            <Text className="runsheet__problem" id="runsheet-minutes-text-error">
              {form.errors.text}
            </Text>
          )}
          <Button id="runsheet-minutes-save" type="primary" size="large" block onClick={save}>
            保存纪要
          </Button>
        </>
      ) : (
        <Text className="runsheet__body">{item.minutes || '说事日当天才能记录纪要。'}</Text>
      )}
    </View>
  )
}

function Pending({ items }: { items: PendingItem[] }) {
  if (items.length === 0) return null
  return (
    <View className="runsheet__card" id="runsheet-pending">
      <Text className="section-title">这台手机上录的</Text>
      {items.map((it) => (
        <View key={it.id} className={`pending-item pending-item--${it.state}`}>
          <Text className="pending-item__label">{it.label}</Text>
          <Text className="pending-item__state">{stateWords(it)}</Text>
          {it.state === 'refused' && (
            <Button size="large" onClick={() => dismiss(it.id)}>
              知道了
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}

function ToClose({ matters, onChanged }: { matters: MatterSummary[]; onChanged: () => void }) {
  const [closed, setClosed] = useState<string[]>([])
  const [problem, setProblem] = useState<{ id: string; text: string }>()
  const left = matters.filter((m) => !closed.includes(m.id))
  const close = async (m: MatterSummary) => {
    const sure = await Taro.showModal({
      title: `关闭「${m.title}」？`,
      content: '评价已经结束。关闭以后这件事就办完归档了，不能再改。',
      confirmText: '关闭',
      cancelText: '不关闭',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setProblem(undefined)
    const res = await callFunction('matters', 'closeMatter', { matterId: m.id })
    if (!res.ok) return setProblem({ id: m.id, text: res.error.message })
    setClosed((old) => [...old, m.id])
    onChanged()
  }
  return (
    <View className="runsheet__card" id="runsheet-to-close">
      <Text className="section-title">待关闭（评价已结束）</Text>
      {left.length === 0 && <Text className="runsheet__meta">没有要关闭的事</Text>}
      {left.map((m) => (
        <View key={m.id} className="runsheet__close" id={`to-close-${m.id}`}>
          <Text className="runsheet__line-title">{m.title}</Text>
          {problem?.id === m.id && <Text className="runsheet__problem">{problem.text}</Text>}
          <Button id={`close-${m.id}`} size="large" block onClick={() => void close(m)}>
            关闭这件事
          </Button>
        </View>
      ))}
    </View>
  )
}

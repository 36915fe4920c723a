import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ModerationItem } from '../../../../../types/api/discussion'
import { DISCUSSION_LIMITS } from '../../../../../domain/discussion/rules'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { shanghaiTime } from '../../../../components/Timeline'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { matterUrl } from '../../../../routes'
import './index.css'

/** A page of the queue. */
export const QUEUE_PAGE = 20

/** 发言审核: reported and hidden statements, one listModerationQueue call on open. */
export default function ModerationQueue() {
  const load = useCallback(
    () => callFunction('discussion', 'listModerationQueue', { limit: QUEUE_PAGE }),
    [],
  )
  const [state, reload] = useLoad(load)
  return (
    <Screen className="queue">
      <LoadView state={state} onRetry={reload}>
        {(first) => <QueueBody first={first} />}
      </LoadView>
    </Screen>
  )
}

const HIDDEN_BY: Record<string, string> = {
  reports: '举报的人多，自动隐藏了',
  contentCheck: '内容检查拦下了，等人看',
  moderator: '主持人隐藏了',
}

function QueueBody({ first }: { first: { items: ModerationItem[]; nextCursor?: string } }) {
  const [items, setItems] = useState(first.items)
  const [cursor, setCursor] = useState(first.nextCursor)
  const [done, setDone] = useState<Record<string, string>>({})
  const [more, setMore] = useState<{ busy: boolean; problem?: string }>({ busy: false })
  const loadMore = async () => {
    if (!cursor) return
    setMore({ busy: true })
    const res = await callFunction('discussion', 'listModerationQueue', {
      cursor,
      limit: QUEUE_PAGE,
    })
    if (!res.ok) return setMore({ busy: false, problem: res.error.message })
    const known = new Set(items.map((i) => i.id))
    setItems((old) => [...old, ...res.data.items.filter((i) => !known.has(i.id))])
    setCursor(res.data.nextCursor)
    setMore({ busy: false })
  }
  if (items.length === 0) {
    return (
      <EmptyView
        id="queue-empty"
        title="没有要审核的发言"
        hint="有人举报或内容被拦下时会出现在这里。"
      />
    )
  }
  return (
    <View className="queue__page" id="queue-list">
      {items.map((item) =>
        done[item.id] ? (
          <View key={item.id} className="queue__card" id={`queue-done-${item.id}`}>
            <Text className="queue__done">{done[item.id]}</Text>
          </View>
        ) : (
          <QueueCard
            key={item.id}
            item={item}
            onDone={(words) => setDone((old) => ({ ...old, [item.id]: words }))}
          />
        ),
      )}
      {more.problem && <Text className="queue__problem">{more.problem}</Text>}
      {cursor && (
        <Button
          id="queue-more"
          size="large"
          block
          loading={more.busy}
          disabled={more.busy}
          onClick={() => void loadMore()}
        >
          再看更多
        </Button>
      )}
    </View>
  )
}

function QueueCard({ item, onDone }: { item: ModerationItem; onDone: (words: string) => void }) {
  const m = item.moderation
  const hidden = item.state === 'hidden'
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const act = async (action: 'restoreStatement' | 'hideStatement') => {
    const why = reason.trim()
    if (!why) return setProblem('请写一句理由（大家能看到处理记录）。')
    if (why.length > DISCUSSION_LIMITS.reason) {
      return setProblem(`理由最多 ${DISCUSSION_LIMITS.reason} 个字。`)
    }
    const restore = action === 'restoreStatement'
    const sure = await Taro.showModal({
      title: restore ? '恢复显示这条发言？' : hidden ? '保持隐藏？' : '隐藏这条发言？',
      content: `理由：${why}`,
      confirmText: restore ? '恢复显示' : hidden ? '保持隐藏' : '隐藏',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    setProblem(undefined)
    const res = await callFunction('discussion', action, { statementId: item.id, reason: why })
    setBusy(false)
    if (!res.ok) return setProblem(res.error.message)
    onDone(
      restore
        ? `已恢复显示 ${item.authorName} 的发言`
        : `已隐藏 ${item.authorName} 的发言（${why}）`,
    )
  }
  return (
    <View className="queue__card" id={`queue-${item.id}`}>
      <View
        className="queue__matter"
        role="link"
        {...FOCUSABLE}
        onClick={() => void Taro.navigateTo({ url: matterUrl(item.matterId) })}
      >
        <Text className="queue__matter-title">事项：{item.matterTitle}</Text>
      </View>
      <Text className="queue__meta">
        {item.authorName} · {shanghaiTime(item.at)}
      </Text>
      <Text className="queue__text">{item.text}</Text>
      <Text className="queue__state">
        {hidden ? `已隐藏：${HIDDEN_BY[m?.hiddenBy ?? ''] ?? '等审核'}` : '还在显示，有人举报'}
      </Text>
      <Text className="queue__meta">被举报 {m?.reports ?? 0} 次</Text>
      {m?.reason && <Text className="queue__meta">理由：{m.reason}</Text>}
      <Input
        id={`queue-reason-${item.id}`}
        className="queue__input"
        value={reason}
        placeholder="写一句处理的理由"
        onInput={(e) => setReason(e.detail.value)}
      />
      {problem && <Text className="queue__problem">{problem}</Text>}
      <View className="queue__actions">
        {hidden && (
          <Button
            id={`queue-restore-${item.id}`}
            type="primary"
            size="large"
            disabled={busy}
            onClick={() => void act('restoreStatement')}
          >
            恢复显示
          </Button>
        )}
        {(!hidden || m?.pendingReview) && (
          <Button
            id={`queue-hide-${item.id}`}
            size="large"
            disabled={busy}
            onClick={() => void act('hideStatement')}
          >
            {hidden ? '保持隐藏' : '隐藏'}
          </Button>
        )}
      </View>
    </View>
  )
}

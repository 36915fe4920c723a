import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError } from '../../../../../types/api'
import type { MyVoteItem } from '../../../../../types/api/polls'
import { inShanghai } from '../../../../../domain/shared/time'
import EmptyView from '../../../../components/EmptyView'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import type { LoadState } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { canRetry } from '../../../../services/errors'
import { matterUrl } from '../../../../routes'
import './index.css'

const PAGE_SIZE = 20

const YES_NO: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' }

/** The caller's own choice in words: 赞成, or the options' labels (`o1+o3` → 修路、装路灯). */
export function choiceWords(item: Pick<MyVoteItem, 'myChoice' | 'options'>): string | undefined {
  if (!item.myChoice) return undefined
  if (YES_NO[item.myChoice]) return YES_NO[item.myChoice]
  return item.myChoice
    .split('+')
    .map((id) => item.options.find((o) => o.id === id)?.label ?? id)
    .join('、')
}

function phaseWords(item: MyVoteItem): string {
  if (item.phase === 'open')
    return `进行中，${inShanghai(item.closesAt).format('M月D日 HH:mm')}截止`
  if (item.phase === 'counting') return '已截止，正在计票'
  return '已结束'
}

/** How the caller voted, for their eyes only. */
function Mine({ item }: { item: MyVoteItem }) {
  if (!item.voted) {
    return (
      <Text className="vote-item__not-voted">
        {item.phase === 'open' ? '未投票，点这里去投票' : '未投票'}
      </Text>
    )
  }
  const words = choiceWords(item)
  let line: string
  if (item.myChannel === 'paper') line = '您在现场投了纸质票'
  else if (item.myChannel === 'proxy') line = `由别人代您投了：${words ?? ''}（截止前您可以自己改）`
  else line = `您选了：${words ?? ''}`
  return (
    <View className="vote-item__mine">
      <Text className="vote-item__voted">已投票</Text>
      <Text className="vote-item__choice">{line}</Text>
      {item.myChannel !== 'paper' && <Text className="vote-item__private">只有你自己能看到</Text>}
    </View>
  )
}

interface Page {
  items: MyVoteItem[]
  nextCursor?: string
}

/** 我的投票: the polls I may vote in — open ones first — whether I voted, and my own choice. */
export default function Votes() {
  const [list, setList] = useState<LoadState<Page>>({ status: 'loading' })
  const [more, setMore] = useState<{ busy: boolean; error?: AppError }>({ busy: false })
  const live = useRef(true)
  useEffect(
    () => () => {
      live.current = false
    },
    [],
  )

  const load = useCallback(async () => {
    setList({ status: 'loading' })
    const res = await callFunction('polls', 'listMyVotes', { limit: PAGE_SIZE })
    if (!live.current) return
    setList(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error })
  }, [])
  useEffect(() => void load(), [load])
  // Back from a matter's page, where one may just have voted: read again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })

  const loadMore = async () => {
    if (list.status !== 'ready' || !list.data.nextCursor || more.busy) return
    setMore({ busy: true })
    const res = await callFunction('polls', 'listMyVotes', {
      limit: PAGE_SIZE,
      cursor: list.data.nextCursor,
    })
    if (!live.current) return
    if (!res.ok) return setMore({ busy: false, error: res.error })
    setMore({ busy: false })
    setList({
      status: 'ready',
      data: { items: [...list.data.items, ...res.data.items], nextCursor: res.data.nextCursor },
    })
  }

  return (
    <Screen className="votes">
      <Text className="votes__title">我的投票</Text>
      <LoadView state={list} onRetry={() => void load()}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyView
              id="votes-empty"
              title="现在没有要您投票的事"
              hint="村里发起表决后，会在这里看到。"
            />
          ) : (
            <View className="votes__list" id="votes-list">
              {page.items.map((item) => (
                <View
                  key={item.id}
                  id={`vote-${item.id}`}
                  className={`vote-item${item.phase === 'open' ? ' vote-item--open' : ''}`}
                  role="link"
                  onClick={() => Taro.navigateTo({ url: matterUrl(item.matterId) })}
                >
                  <Text className="vote-item__question">{item.question}</Text>
                  <Text className="vote-item__matter">事项：{item.matterTitle}</Text>
                  <Text className="vote-item__phase">
                    {phaseWords(item)}
                    {item.secret ? ' · 不记名投票' : ' · 记名投票'}
                  </Text>
                  <Mine item={item} />
                </View>
              ))}
              {more.error && (
                <Text className="votes__more-error" id="votes-more-error">
                  {more.error.message}
                </Text>
              )}
              {page.nextCursor && (!more.error || canRetry(more.error)) && (
                <Button id="votes-more" size="large" block loading={more.busy} onClick={loadMore}>
                  {more.error ? '再试一次' : '加载更多'}
                </Button>
              )}
            </View>
          )
        }
      </LoadView>
    </Screen>
  )
}

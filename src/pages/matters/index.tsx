import { useCallback, useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError } from '../../../types/api'
import type { ListMattersRequest, MatterSummary } from '../../../types/api/matters'
import type { MatterStatus } from '../../../types/model/matter'
import EmptyView from '../../components/EmptyView'
import LoadView from '../../components/LoadView'
import MatterItem from '../../components/MatterItem'
import Screen from '../../components/Screen'
import type { LoadState } from '../../hooks/useLoad'
import { callFunction } from '../../services/cloud'
import { canRetry } from '../../services/errors'
import { ROUTES } from '../../routes'
import './index.css'

/** The status tabs of 议事, in the order a matter goes; 已结束 gathers the four ends. */
export const STATUS_TABS = [
  { key: 'raised', label: '待受理', statuses: ['raised'] },
  { key: 'accepted', label: '已受理', statuses: ['accepted'] },
  { key: 'discussing', label: '议事中', statuses: ['discussing'] },
  { key: 'deciding', label: '表决中', statuses: ['deciding'] },
  { key: 'decided', label: '已决议', statuses: ['decided'] },
  { key: 'handling', label: '办理中', statuses: ['handling'] },
  { key: 'resolved', label: '已办结', statuses: ['resolved'] },
  { key: 'ended', label: '已结束', statuses: ['closed', 'declined', 'merged', 'withdrawn'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; statuses: MatterStatus[] }>

export type StatusTabKey = (typeof STATUS_TABS)[number]['key']

/** Matters per page (each 加载更多 is one call). */
export const PAGE_SIZE = 20
/** The longest search word the function takes. */
const SEARCH_MAX = 20

interface Filter {
  tab: StatusTabKey
  /** A word searched for (across every status), or '' */
  q: string
  mine: boolean
}

function request(filter: Filter, cursor?: string): ListMattersRequest {
  const req: ListMattersRequest = { mine: filter.mine, overdue: false, limit: PAGE_SIZE }
  if (filter.q) req.q = filter.q
  else {
    const tab = STATUS_TABS.find((t) => t.key === filter.tab) ?? STATUS_TABS[0]
    if (tab.statuses.length === 1) req.status = tab.statuses[0]
    else req.statuses = [...tab.statuses]
  }
  if (cursor) req.cursor = cursor
  return req
}

interface Page {
  items: MatterSummary[]
  nextCursor?: string
}

/**
 * 议事: the village's matters by status (待受理 … 已结束), or those with a word searched for, a page
 * at a time. Opening, choosing a tab, searching and each 加载更多 make exactly one call.
 * `?mine=1` shows only the caller's own matters (我的 links here).
 */
export default function Matters() {
  const params = useRouter().params
  const [filter, setFilter] = useState<Filter>({
    tab: 'raised',
    q: '',
    mine: params.mine === '1',
  })
  const [typed, setTyped] = useState('')
  const [list, setList] = useState<LoadState<Page>>({ status: 'loading' })
  const [more, setMore] = useState<{ busy: boolean; error?: AppError }>({ busy: false })
  const live = useRef(0)

  const load = useCallback((f: Filter) => {
    const run = ++live.current
    setList({ status: 'loading' })
    setMore({ busy: false })
    void callFunction('matters', 'listMatters', request(f)).then((res) => {
      if (run !== live.current) return
      setList(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error })
    })
  }, [])

  useEffect(() => load(filter), [filter, load])

  const loadMore = async () => {
    if (list.status !== 'ready' || !list.data.nextCursor || more.busy) return
    const run = live.current
    setMore({ busy: true })
    const res = await callFunction('matters', 'listMatters', request(filter, list.data.nextCursor))
    if (run !== live.current) return
    if (!res.ok) return setMore({ busy: false, error: res.error })
    setMore({ busy: false })
    setList({
      status: 'ready',
      data: { items: [...list.data.items, ...res.data.items], nextCursor: res.data.nextCursor },
    })
  }

  const search = () => {
    const q = typed.trim()
    setFilter((f) => ({ ...f, q }))
  }
  const chooseTab = (tab: StatusTabKey) => {
    setTyped('')
    setFilter((f) => ({ ...f, tab, q: '' }))
  }

  return (
    <Screen className="matters" tab="matters">
      <View className="matters__top">
        <Text className="matters__title">{filter.mine ? '我提的事' : '村里的事'}</Text>
        <Button
          id="matters-raise"
          className="matters__raise"
          type="primary"
          onClick={() => Taro.navigateTo({ url: ROUTES.raise })}
        >
          我要提事
        </Button>
      </View>
      {filter.mine && (
        <View
          className="matters__link"
          id="matters-all"
          role="link"
          onClick={() => setFilter((f) => ({ ...f, mine: false }))}
        >
          <Text>看全村的事 ›</Text>
        </View>
      )}
      <View className="matters__search">
        <Input
          id="matters-search"
          className="matters__search-input"
          value={typed}
          maxlength={SEARCH_MAX}
          placeholder="输入要找的词，例如：路灯"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <Button id="matters-search-submit" className="matters__search-button" onClick={search}>
          搜索
        </Button>
      </View>
      {filter.q ? (
        <View className="matters__searching">
          <Text className="matters__searching-text">搜索“{filter.q}”的结果</Text>
          <Button
            id="matters-search-clear"
            className="matters__search-clear"
            onClick={() => chooseTab(filter.tab)}
          >
            清除搜索
          </Button>
        </View>
      ) : (
        <View className="matters__tabs" role="tablist">
          {STATUS_TABS.map((t) => (
            <View
              key={t.key}
              id={`matters-status-${t.key}`}
              role="tab"
              aria-selected={t.key === filter.tab}
              className={`matters__tab${t.key === filter.tab ? ' matters__tab--active' : ''}`}
              onClick={() => chooseTab(t.key)}
            >
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
      )}
      <LoadView state={list} onRetry={() => load(filter)}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyView
              id="matters-empty"
              title={filter.q ? `没有找到含“${filter.q}”的事` : '这里还没有事'}
              hint="有事想说，可以点上面的“我要提事”。"
            />
          ) : (
            <View className="matters__list" id="matters-list">
              {page.items.map((m) => (
                <MatterItem key={m.id} matter={m} />
              ))}
              {more.error && (
                <Text className="matters__more-error" id="matters-more-error">
                  {more.error.message}
                </Text>
              )}
              {page.nextCursor && (!more.error || canRetry(more.error)) && (
                <Button
                  id="matters-more"
                  className="matters__more"
                  size="large"
                  block
                  loading={more.busy}
                  onClick={loadMore}
                >
                  {more.error ? '再试一次' : '加载更多'}
                </Button>
              )}
              {!page.nextCursor && <Text className="matters__end">没有更多了</Text>}
            </View>
          )
        }
      </LoadView>
    </Screen>
  )
}

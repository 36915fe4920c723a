import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Envelope } from '../../../../../types/api'
import type { MatterSummary } from '../../../../../types/api/matters'
import { clockWords, respondByOf } from '../../../../../domain/matters/clock'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import { dayLabel, FOCUSABLE } from '../../../../components/MatterItem'
import { shanghaiTime } from '../../../../components/Timeline'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { loadMyVillage } from '../../../../services/talkDays'
import { ROUTES, withQuery } from '../../../../routes'
import '../../shared/committee.css'
import './index.css'

/** Matters per page of listMatters; the list reads them all (it is short, or something is wrong). */
const PAGE = 50
const MOST_PAGES = 10

export interface OverdueList {
  items: MatterSummary[]
  responseDeadlineDays: number
}

/** Every overdue matter (the function gives newest first), oldest first, and the deadline. */
export async function loadOverdue(): Promise<Envelope<OverdueList>> {
  const village = loadMyVillage()
  const items: MatterSummary[] = []
  let cursor: string | undefined
  for (let page = 0; page < MOST_PAGES; page++) {
    const res = await callFunction('matters', 'listMatters', {
      overdue: true,
      mine: false,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    })
    if (!res.ok) return res
    items.push(...res.data.items)
    cursor = res.data.nextCursor
    if (!cursor) break
  }
  const v = await village
  if (!v.ok) return v
  items.sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt))
  return { ok: true, data: { items, responseDeadlineDays: v.data.responseDeadlineDays } }
}

/** 超期未答复 (接诉即办): raised matters past the deadline, the longest waiting first. */
export default function Overdue() {
  const [state, reload] = useLoad(loadOverdue)
  return (
    <Screen className="overdue">
      <LoadView state={state} onRetry={reload}>
        {(list) => <OverdueBody list={list} />}
      </LoadView>
    </Screen>
  )
}

function OverdueBody({ list }: { list: OverdueList }) {
  const now = Date.now()
  return (
    <View className="cm__page" id="overdue">
      <Text className="cm__title">超期未答复</Text>
      <Text className="cm__meta">
        本村要在 {list.responseDeadlineDays}{' '}
        天内答复村民提的事。下面的事已经超过期限，等得最久的在最前面。
      </Text>
      {list.items.length === 0 && (
        <EmptyView id="overdue-empty" title="没有超期的事" hint="每件事都按时答复了。" />
      )}
      <View id="overdue-list">
        {list.items.map((m) => {
          const by = respondByOf(m.raisedAt, list.responseDeadlineDays)
          return (
            <View
              key={m.id}
              className="cm__card overdue__item"
              id={`overdue-${m.id}`}
              role="link"
              {...FOCUSABLE}
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.committeeMatter, { id: m.id }) })
              }
            >
              <Text className="overdue__title">{m.title}</Text>
              <Text className="cm__text cm__alarm overdue__late">{clockWords(by, now)}</Text>
              <Text className="cm__meta">
                {m.raisedByName} {dayLabel(m.raisedAt, now)}提出，应在{' '}
                {shanghaiTime(by.toISOString())} 前答复
              </Text>
              <Text className="overdue__go">去处理 ›</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}

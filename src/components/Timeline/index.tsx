import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { TimelineItem } from '../../../types/api/matters'
import { STATUS_LABELS } from '../../../domain/matters/lifecycle'
import { inShanghai } from '../../../domain/shared/time'
import { callFunction } from '../../services/cloud'
import { actionWords } from './labels'
import './index.css'

export const TIMELINE_MORE = 20

interface Props {
  matterId: string
  /** Newest first, as getMatter gives them. */
  items: TimelineItem[]
  cursor?: string
}

/** `11月24日 09:30` on a clock in Shanghai. */
export const shanghaiTime = (at: string): string => inShanghai(at).format('M月D日 HH:mm')

/** The matter's story, newest first; older entries a page at a time (listTimeline). */
export default function Timeline({ matterId, items, cursor }: Props) {
  const [older, setOlder] = useState<TimelineItem[]>([])
  const [next, setNext] = useState(cursor)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const more = async () => {
    if (!next) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('matters', 'listTimeline', {
      matterId,
      cursor: next,
      limit: TIMELINE_MORE,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setOlder((old) => [...old, ...res.data.items])
    setNext(res.data.nextCursor)
  }

  const all = [...items, ...older]
  return (
    <View className="timeline" id="matter-timeline">
      <Text className="section-title">事情经过</Text>
      {all.length === 0 && <Text className="timeline__empty">还没有记录</Text>}
      {all.map((e, i) => (
        <View key={`${e.at}-${i}`} className="timeline-item">
          <View className="timeline-item__dot" />
          <View className="timeline-item__body">
            <Text className="timeline-item__when">{shanghaiTime(e.at)}</Text>
            <Text className="timeline-item__what">
              {e.actorName} {actionWords(e.action)}
              {e.to && e.from !== e.to ? `（${STATUS_LABELS[e.to] ?? e.to}）` : ''}
            </Text>
            {e.note && <Text className="timeline-item__note">{e.note}</Text>}
          </View>
        </View>
      ))}
      {failure && <Text className="timeline__failure">{failure}</Text>}
      {next && (
        <Button
          id="timeline-more"
          className="timeline__more"
          size="large"
          block
          loading={busy}
          onClick={more}
        >
          {failure ? '再试一次' : '看更早的记录'}
        </Button>
      )}
    </View>
  )
}

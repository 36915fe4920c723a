import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MatterSummary } from '../../../types/api/matters'
import { formatMonthDayWeekday, inShanghai, type Instant } from '../../../domain/shared/time'
import { matterUrl } from '../../routes'
import StatusTag from '../StatusTag'
import './index.css'

/** `11月21日`, with the year when it is not this year's (`2025年11月21日`); Shanghai's calendar. */
export function dayLabel(at: Instant, now: Instant = Date.now()): string {
  const d = inShanghai(at)
  const sameYear = d.year() === inShanghai(now).year()
  return sameYear ? d.format('M月D日') : d.format('YYYY年M月D日')
}

interface Props {
  matter: MatterSummary
}

/** Reachable by keyboard in the browser too (Taro's View has no typed tabIndex). */
export const FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>

const open = (id: string) => void Taro.navigateTo({ url: matterUrl(id) })

/**
 * One matter in a list: its title, its status as a word, when it was raised, what it is about, the
 * 急事 mark; an ended one says why (不予受理's reason, or where it was merged, with a link).
 */
export default function MatterItem({ matter }: Props) {
  const m = matter
  return (
    <View
      className="matter-item"
      id={`matter-${m.id}`}
      role="link"
      {...FOCUSABLE}
      onClick={() => open(m.id)}
    >
      <View className="matter-item__head">
        {m.urgent && <Text className="matter-item__urgent">急事</Text>}
        <Text className="matter-item__title">{m.title}</Text>
      </View>
      <View className="matter-item__meta">
        <StatusTag status={m.status} />
        {m.category && <Text className="matter-item__category">{m.category.label}</Text>}
        <Text className="matter-item__date">{dayLabel(m.raisedAt)}提出</Text>
      </View>
      {m.talkDay && m.status === 'accepted' && (
        <Text className="matter-item__note">{formatMonthDayWeekday(m.talkDay)}说事</Text>
      )}
      {m.overdue && <Text className="matter-item__note">已超过答复期限，村委会还没有答复</Text>}
      {m.status === 'declined' && m.declineReason && (
        <Text className="matter-item__note">不予受理的理由：{m.declineReason}</Text>
      )}
      {m.status === 'merged' && m.mergedInto && (
        <View
          className="matter-item__merged"
          role="link"
          onClick={(e) => {
            e.stopPropagation()
            open(m.mergedInto as string)
          }}
        >
          <Text>已合并到另一件事，点这里去看 ›</Text>
        </View>
      )}
    </View>
  )
}

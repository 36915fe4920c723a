import { View, Text } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import {
  nextTalkDayLabel,
  scheduleLabel,
  talkDaysOfMonth,
  TODAY_IS_TALK_DAY_LABEL,
  type TalkDayStatus,
} from '../../../domain/talkday'
import { calendarDay, daysBetween, formatMonthDayWeekday } from '../../../domain/shared/time'
import './index.css'

interface Props {
  status: TalkDayStatus
  days: readonly number[]
}

function relativeLabel(today: string, date: string): string {
  const n = daysBetween(today, date)
  if (n < 0) return '已过'
  if (n === 0) return '今天'
  if (n === 1) return '明天'
  return `还有 ${n} 天`
}

/** When the village next meets, and this month's talk days. */
export default function TalkDayCard({ status, days }: Props) {
  const month = calendarDay(status.today)
  const thisMonth = talkDaysOfMonth(month.year(), month.month() + 1, days)
  return (
    <View className="talkday">
      {status.isToday && (
        <View className="talkday__today" id="talkday-today">
          <Text className="talkday__today-title">{TODAY_IS_TALK_DAY_LABEL}</Text>
          <Text className="talkday__today-hint">有事大家一起说，一起商量。</Text>
        </View>
      )}
      <View className="talkday__next">
        <View id="home-next-talk-day">
          <Text className="talkday__next-text" id="talkday-next">
            {nextTalkDayLabel(status)}
          </Text>
        </View>
        <Text className="talkday__schedule">{scheduleLabel(days)}，村里一起说事</Text>
      </View>
      <CellGroup title={`${month.month() + 1}月的说事日`}>
        {thisMonth.map((date) => (
          <Cell
            key={date}
            className={date === status.today ? 'talkday__day talkday__day--today' : 'talkday__day'}
            title={formatMonthDayWeekday(date)}
            extra={relativeLabel(status.today, date)}
          />
        ))}
      </CellGroup>
    </View>
  )
}

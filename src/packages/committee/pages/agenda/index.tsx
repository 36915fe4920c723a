import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsoleView, MatterSummary, TalkDayAgenda } from '../../../../../types/api/matters'
import { moveOne } from '../../../../../domain/matters/agendaOrder'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import StatusTag from '../../../../components/StatusTag'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import '../../shared/committee.css'
import './index.css'

const loadConsole = () => callFunction('matters', 'getConsole', {})

/**
 * 说事日议程: the coming talk days (from getConsole, one call), each agenda in its order; 上移 /
 * 下移 show the new order at once and put it back if the function refuses; an accepted matter can
 * go to another coming talk day with room.
 */
export default function Agenda() {
  const [state, reload] = useLoad(loadConsole)
  return (
    <Screen className="agenda">
      <LoadView state={state} onRetry={reload}>
        {(view) => <AgendaBody view={view} />}
      </LoadView>
    </Screen>
  )
}

function AgendaBody({ view }: { view: ConsoleView }) {
  const [days, setDays] = useState<TalkDayAgenda[]>(view.talkDays)
  const [pending, setPending] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [moving, setMoving] = useState<string>()

  const replaceDay = (date: string, items: MatterSummary[]) =>
    setDays((now) => now.map((d) => (d.date === date ? { ...d, items } : d)))

  const reorder = async (day: TalkDayAgenda, index: number, delta: -1 | 1) => {
    const before = day.items
    const after = moveOne(before, index, delta)
    setFailure(undefined)
    setNotice(undefined)
    replaceDay(day.date, after)
    setPending(day.date)
    const res = await callFunction('matters', 'reorderAgenda', {
      talkDay: day.date,
      matterIds: after.map((m) => m.id),
    })
    setPending(undefined)
    if (res.ok) return setNotice(`${formatMonthDayWeekday(day.date)}的顺序已保存`)
    replaceDay(day.date, before)
    setFailure(res.error.message)
  }

  const move = async (item: MatterSummary, to: string) => {
    setFailure(undefined)
    setNotice(undefined)
    setPending(to)
    const res = await callFunction('matters', 'moveAgendaItem', { matterId: item.id, talkDay: to })
    if (!res.ok) {
      setPending(undefined)
      return setFailure(res.error.message)
    }
    const fresh = await loadConsole()
    setPending(undefined)
    setMoving(undefined)
    if (fresh.ok) setDays(fresh.data.talkDays)
    setNotice(`“${item.title}”已改到${formatMonthDayWeekday(to)}`)
  }

  return (
    <View className="cm__page" id="agenda">
      <Text className="cm__title">说事日议程</Text>
      {failure && (
        <Text className="cm__failure" id="agenda-failure">
          {failure}
        </Text>
      )}
      {notice && (
        <Text className="cm__done" id="agenda-notice">
          {notice}
        </Text>
      )}
      {days.map((day) => (
        <View key={day.date} className="cm__card" id={`agenda-day-${day.date}`}>
          <Text className="cm__section">{formatMonthDayWeekday(day.date)}</Text>
          <Text className="cm__meta">
            {`${day.items.length} 件事`}
            {day.room > 0 ? `，还有 ${day.room} 个空位` : '，议程满了'}
          </Text>
          {day.items.length === 0 && <EmptyView title="这天还没有要说的事" />}
          {day.items.map((m, i) => (
            <View key={m.id} className="agenda__item" id={`agenda-item-${m.id}`}>
              <View
                className="agenda__head"
                role="link"
                {...FOCUSABLE}
                onClick={() =>
                  Taro.navigateTo({ url: withQuery(ROUTES.committeeMatter, { id: m.id }) })
                }
              >
                <Text className="agenda__pos">{i + 1}</Text>
                <Text className="agenda__title">{m.title}</Text>
              </View>
              <View className="agenda__meta">
                <StatusTag status={m.status} />
                {m.category && <Text className="cm__meta">{m.category.label}</Text>}
              </View>
              <View className="cm__row">
                {/* The first has no 上移 and the last no 下移 (a greyed button is hard to read). */}
                {i > 0 && (
                  <Button
                    id={`agenda-up-${m.id}`}
                    size="large"
                    disabled={pending === day.date}
                    onClick={() => reorder(day, i, -1)}
                  >
                    上移
                  </Button>
                )}
                {i < day.items.length - 1 && (
                  <Button
                    id={`agenda-down-${m.id}`}
                    size="large"
                    disabled={pending === day.date}
                    onClick={() => reorder(day, i, 1)}
                  >
                    下移
                  </Button>
                )}
              </View>
              {m.status === 'accepted' && days.length > 1 && (
                <Button
                  id={`agenda-move-${m.id}`}
                  className="cm__button"
                  size="large"
                  block
                  onClick={() => setMoving(moving === m.id ? undefined : m.id)}
                >
                  {moving === m.id ? '不改了' : '改到别的说事日…'}
                </Button>
              )}
              {moving === m.id && (
                <View className="cm__choices cm__button">
                  {days
                    .filter((d) => d.date !== day.date)
                    .map((d) => (
                      <Button
                        key={d.date}
                        id={`agenda-move-${m.id}-${d.date}`}
                        type="primary"
                        size="large"
                        block
                        disabled={d.room <= 0 || !!pending}
                        onClick={() => move(m, d.date)}
                      >
                        {`改到${formatMonthDayWeekday(d.date)}${d.room <= 0 ? '（满了）' : ''}`}
                      </Button>
                    ))}
                </View>
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { HomeView, MatterSummary } from '../../../types/api/matters'
import { DEFAULT_TALK_DAYS, talkDayStatus } from '../../../domain/talkday'
import { formatMonthDayWeekday, shanghaiDate } from '../../../domain/shared/time'
import EmptyView from '../../components/EmptyView'
import LoadView from '../../components/LoadView'
import MatterItem from '../../components/MatterItem'
import Screen from '../../components/Screen'
import TalkDayCard from '../../components/TalkDayCard'
import { useLoad } from '../../hooks/useLoad'
import { isMember, loadHome } from '../../services/talkDays'
import { ROUTES } from '../../routes'
import './index.css'

export const RAISE_PAGE = ROUTES.raise

function Section({ id, title, children }: { id: string; title: string; children: JSX.Element }) {
  return (
    <View className="home__section" id={id}>
      <Text className="home__section-title">{title}</Text>
      {children}
    </View>
  )
}

function List({ items, empty }: { items: MatterSummary[]; empty: string }) {
  if (items.length === 0) return <EmptyView title={empty} />
  return (
    <View className="home__list">
      {items.map((m) => (
        <MatterItem key={m.id} matter={m} />
      ))}
    </View>
  )
}

/** Not (or no longer, or not yet) one of the village: where they stand, and the one way on. */
function Joining({ home }: { home: HomeView }) {
  const member = home.member
  const goJoin = () => void Taro.navigateTo({ url: ROUTES.join })
  if (member?.status === 'pending') {
    return (
      <View className="home__join" id="home-member-status">
        <Text className="home__join-title">等待村委会审核</Text>
        <Text className="home__join-hint">
          您加入村子的申请已经提交，村委会审核通过后就可以提事、议事、投票了。
        </Text>
      </View>
    )
  }
  const declined = member?.status === 'declined'
  return (
    <View className="home__join" id="home-member-status">
      <Text className="home__join-title">
        {declined ? '村委会没有通过您的加入申请' : '您还没有加入村子'}
      </Text>
      {declined && member?.declineReason && (
        <Text className="home__join-reason">理由：{member.declineReason}</Text>
      )}
      <Text className="home__join-hint">
        {declined
          ? '可以核对姓名和户号后重新申请。'
          : '加入自己的村子后，就可以提事、议事、投票了。'}
      </Text>
      <Button id="home-join" type="primary" size="large" block onClick={goJoin}>
        {declined ? '重新申请' : '去加入村子'}
      </Button>
    </View>
  )
}

/** The next 说事日's agenda: what the village will talk about that day, in order. */
function Agenda({ home, today }: { home: HomeView; today: string }) {
  const next = home.nextTalkDay
  if (!next) return null
  const title =
    next.date === today ? '今天说事日要说的事' : `${formatMonthDayWeekday(next.date)}要说的事`
  return (
    <Section id="home-agenda" title={title}>
      <List items={next.items} empty="这一天还没有安排要说的事" />
    </Section>
  )
}

/**
 * 首页 (one `matters.getHome` call): when the village next meets and what it will talk about,
 * urgent matters being handled, how the caller's own matters stand, and the way to raise one.
 * Someone not yet of the village sees where their request stands and the way to join.
 */
export default function Index() {
  const [home, reload] = useLoad(loadHome)
  // The clock is read when the page shows, so a page left open past midnight is right again.
  const [now, setNow] = useState(() => Date.now())
  // Back on this page (from raising a matter, from a matter's page): what it shows is read again.
  const shown = useRef(false)
  useDidShow(() => {
    setNow(Date.now())
    if (shown.current) reload()
    shown.current = true
  })

  return (
    <Screen className="home" tab="home">
      <View className="home__header">
        <Text className="home__title">
          {home.status === 'ready' && home.data.village ? home.data.village.name : '逢四说事'}
        </Text>
        <View className="home__subtitle">民事民提 · 民事民议</View>
        <View className="home__subtitle">民事民办 · 民事民决</View>
      </View>
      <LoadView state={home} onRetry={reload}>
        {(data) => {
          const member = isMember(data)
          const days = data.village?.talkDays ?? DEFAULT_TALK_DAYS
          return (
            <View>
              <TalkDayCard status={talkDayStatus(now, days)} days={days} />
              {!member && <Joining home={data} />}
              {member && (
                <Button
                  id="home-raise"
                  className="home__raise"
                  type="primary"
                  size="large"
                  block
                  onClick={() => Taro.navigateTo({ url: RAISE_PAGE })}
                >
                  我要提事
                </Button>
              )}
              {member && <Agenda home={data} today={shanghaiDate(now)} />}
              {member && (
                <Section id="home-urgent" title="急事，正在办">
                  <List items={data.urgent} empty="现在没有急事" />
                </Section>
              )}
              {member && (
                <Section id="home-mine" title="我提的事">
                  <List items={data.mine} empty="您还没有提过事" />
                </Section>
              )}
            </View>
          )
        }}
      </LoadView>
    </Screen>
  )
}

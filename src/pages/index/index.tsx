import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { talkDayStatus } from '../../../domain/talkday'
import LoadView from '../../components/LoadView'
import Screen from '../../components/Screen'
import TalkDayCard from '../../components/TalkDayCard'
import { useLoad } from '../../hooks/useLoad'
import { loadTalkDays } from '../../services/talkDays'
import { ROUTES } from '../../routes'
import './index.css'

export const RAISE_PAGE = ROUTES.raise

/** 首页: when the village next meets (逢四说事), and the way to raise a matter. */
export default function Index() {
  const [talkDays, reload] = useLoad(loadTalkDays)
  // The clock is read when the page shows, so a page left open past midnight is right again.
  const [now, setNow] = useState(() => Date.now())
  useDidShow(() => setNow(Date.now()))

  return (
    <Screen className="home" tab="home">
      <View className="home__header">
        <Text className="home__title">逢四说事</Text>
        <View className="home__subtitle">民事民提 · 民事民议</View>
        <View className="home__subtitle">民事民办 · 民事民决</View>
      </View>
      <LoadView state={talkDays} onRetry={reload}>
        {(days) => <TalkDayCard status={talkDayStatus(now, days)} days={days} />}
      </LoadView>
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
    </Screen>
  )
}

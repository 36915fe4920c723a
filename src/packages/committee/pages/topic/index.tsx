import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** 开题: the committee opens a topic. (Skeleton: its owner builds it.) */
export default function Topic() {
  return (
    <Screen className="committee-topic">
      <Text>开题</Text>
    </Screen>
  )
}

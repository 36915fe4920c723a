import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** 村务: the committee console, incoming matters with the 接诉即办 clock, join requests, coming talk days, handling, overdue. (Skeleton: its owner builds it.) */
export default function ConsoleHome() {
  return (
    <Screen className="committee-index">
      <Text>村务</Text>
    </Screen>
  )
}

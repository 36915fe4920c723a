import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** At the meeting (`?pollId=`): paper tick-off, the box counts and their confirmation, 代投, who is not reached, close early; what waits to be sent. (Skeleton: its owner builds it.) */
export default function Meeting() {
  return (
    <Screen className="committee-meeting">
      <Text>现场投票</Text>
    </Screen>
  )
}

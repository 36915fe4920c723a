import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** The moderator's run sheet of a talk day (`?talkDay=`): one item at a time, timer, minutes; to close. (Skeleton: its owner builds it.) */
export default function RunSheet() {
  return (
    <Screen className="moderator-runsheet">
      <Text>主持说事</Text>
    </Screen>
  )
}

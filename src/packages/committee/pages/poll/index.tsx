import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** Draft a poll on a matter (`?matterId=` or `?pollId=`), see the design check in words, open it. (Skeleton: its owner builds it.) */
export default function PollDraft() {
  return (
    <Screen className="committee-poll">
      <Text>发起表决</Text>
    </Screen>
  )
}

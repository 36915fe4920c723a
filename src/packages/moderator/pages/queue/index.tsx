import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** Reported and hidden statements to restore or keep hidden. (Skeleton: its owner builds it.) */
export default function ModerationQueue() {
  return (
    <Screen className="moderator-queue">
      <Text>发言审核</Text>
    </Screen>
  )
}

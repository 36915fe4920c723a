import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** Join requests to approve (linking the person on the register) or decline with a reason; members, their roles and links. (Skeleton: its owner builds it.) */
export default function Members() {
  return (
    <Screen className="committee-members">
      <Text>成员审核</Text>
    </Screen>
  )
}

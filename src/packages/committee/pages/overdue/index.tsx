import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** 接诉即办: matters past the response deadline, oldest first. (Skeleton: its owner builds it.) */
export default function Overdue() {
  return (
    <Screen className="committee-overdue">
      <Text>超期未答复</Text>
    </Screen>
  )
}

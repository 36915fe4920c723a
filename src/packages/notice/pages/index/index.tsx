import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** 决议公告 (`?pollId=`): the notice for the notice board, drawn on a canvas; print page in H5. (Skeleton: its owner builds it.) */
export default function Notice() {
  return (
    <Screen className="notice-index">
      <Text>决议公告</Text>
    </Screen>
  )
}

import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** The committee on one matter (`?id=`): accept, decline, merge, category, 四议, handling, progress, resolve. (Skeleton: its owner builds it.) */
export default function CommitteeMatter() {
  return (
    <Screen className="committee-matter">
      <Text>处理事项</Text>
    </Screen>
  )
}

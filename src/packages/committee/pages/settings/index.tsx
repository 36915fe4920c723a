import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** The village settings: talk days, response deadline, poll notice, proxy limit, delegation. (Skeleton: its owner builds it.) */
export default function Settings() {
  return (
    <Screen className="committee-settings">
      <Text>村里的设置</Text>
    </Screen>
  )
}

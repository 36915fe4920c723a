import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** Placeholder until the page is built (issue #11). */
export default function Placeholder() {
  return (
    <Screen className="placeholder">
      <Text>建设中</Text>
    </Screen>
  )
}

import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** The household register: persons, 户代表, 村民代表, the CSV import and its row report. (Skeleton: its owner builds it.) */
export default function Register() {
  return (
    <Screen className="committee-register">
      <Text>户籍名册</Text>
    </Screen>
  )
}

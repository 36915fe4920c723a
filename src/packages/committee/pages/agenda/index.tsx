import { Text } from '@tarojs/components'
import Screen from '../../../../components/Screen'

/** The coming talk days and their agendas, reordered by up/down buttons. (Skeleton: its owner builds it.) */
export default function Agenda() {
  return (
    <Screen className="committee-agenda">
      <Text>说事日议程</Text>
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'

interface Props<K extends string> {
  id: string
  options: Readonly<Record<K, string>>
  value: K | ''
  onChoose: (key: K) => void
}

/** One of a few words, as large buttons (the chosen one filled and saying 已选), not a small picker. */
export default function Choices<K extends string>({ id, options, value, onChoose }: Props<K>) {
  return (
    <View className="tw__choices" id={id}>
      {(Object.keys(options) as K[]).map((k) => (
        <Button
          key={k}
          id={`${id}-${k}`}
          size="large"
          block
          type={value === k ? 'primary' : 'default'}
          onClick={() => onChoose(k)}
        >
          {value === k ? `${options[k]}（已选）` : options[k]}
        </Button>
      ))}
    </View>
  )
}

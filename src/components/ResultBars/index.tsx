import { Text, View } from '@tarojs/components'
import './index.css'

export interface Bar {
  key: string
  /** The choice in words: 赞成, 反对, an option's label, 废票. */
  label: string
  count: number
}

interface Props {
  bars: Bar[]
  /** What 100 % is: everyone who cast (so a bar reads "of those who voted"). */
  total: number
  /** The choice that carried, drawn stronger. */
  winner?: string
}

/** `40%`, `33.3%` — one decimal at most. */
export function percent(count: number, total: number): string {
  if (total <= 0) return '0%'
  return `${Math.round((count / total) * 1000) / 10}%`
}

/** Counts as bars of plain views (no chart library): each bar's word, its number and its share. */
export default function ResultBars({ bars, total, winner }: Props) {
  return (
    <View className="result-bars" id="vote-result">
      {bars.map((b) => {
        const share = percent(b.count, total)
        return (
          <View key={b.key} className="result-bar" id={`result-bar-${b.key}`}>
            <View className="result-bar__head">
              <Text className="result-bar__label">{b.label}</Text>
              <Text className="result-bar__count">
                {b.count} 票（{share}）
              </Text>
            </View>
            <View className="result-bar__track">
              <View
                className={`result-bar__fill${b.key === winner ? ' result-bar__fill--winner' : ''}`}
                style={{ width: share }}
              />
            </View>
          </View>
        )
      })}
    </View>
  )
}

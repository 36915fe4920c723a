import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

interface Props {
  id?: string
  /** What is not there, in plain words: 还没有人提事. */
  title: string
  /** What one can do about it. */
  hint?: string
  /** One action (a button), when there is one. */
  children?: ReactNode
}

/** A list with nothing in it says so in words, never a blank space. */
export default function EmptyView({ id, title, hint, children }: Props) {
  return (
    <View className="empty-view" id={id}>
      <Text className="empty-view__title">{title}</Text>
      {hint && <Text className="empty-view__hint">{hint}</Text>}
      {children}
    </View>
  )
}

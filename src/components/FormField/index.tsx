import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

interface Props {
  /** The field's id; its message gets `<id>-error`. */
  id: string
  label: ReactNode
  /** The schema's plain message for this field, when it is wrong. */
  error?: string
  children: ReactNode
}

/** One form field: a large label, the control, and what is wrong with it in plain words. */
export default function FormField({ id, label, error, children }: Props) {
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      {children}
      {error && (
        <Text className="form-field__error" id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  )
}

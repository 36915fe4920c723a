import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import type { LoadState } from '../../hooks/useLoad'
import { canRetry } from '../../services/errors'
import './index.css'

interface Props<T> {
  state: LoadState<T>
  onRetry: () => void
  children: (data: T) => ReactNode
}

/**
 * Shows a loader's three states the same way on every screen: loading, a plain error (with 再试一次
 * when the same request may well work a moment later), or the data.
 */
export default function LoadView<T>({ state, onRetry, children }: Props<T>) {
  if (state.status === 'loading') {
    return (
      <View className="load-view load-view--loading" id="load-loading">
        <Loading>正在加载…</Loading>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="load-view load-view--error" id="load-error">
        <Text className="load-view__message">{state.error.message}</Text>
        {canRetry(state.error) && (
          <Button
            id="load-retry"
            type="primary"
            size="large"
            className="load-view__retry"
            onClick={onRetry}
          >
            再试一次
          </Button>
        )}
      </View>
    )
  }
  return <>{children(state.data)}</>
}

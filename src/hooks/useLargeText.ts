import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { isLargeText, onLargeTextChange } from '../services/largeText'

/** Whether 大字模式 is on; follows the switch live and re-reads it when the page shows again. */
export function useLargeText(): boolean {
  const [on, setOn] = useState(isLargeText)
  useEffect(() => onLargeTextChange(setOn), [])
  useDidShow(() => setOn(isLargeText()))
  return on
}

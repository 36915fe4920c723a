/**
 * 大字模式: one switch on 我的 that scales every text of every screen. Kept on the phone (it is a
 * preference of this phone's reader, not of the account) and announced to the screens that are open.
 */
import Taro from '@tarojs/taro'

const KEY = 'fengsi.largeText'
const listeners = new Set<(on: boolean) => void>()

export function isLargeText(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

export function setLargeText(on: boolean): void {
  try {
    Taro.setStorageSync(KEY, on)
  } catch {
    // Storage full or unavailable: the switch still works for this session.
  }
  for (const listener of listeners) listener(on)
}

export function onLargeTextChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

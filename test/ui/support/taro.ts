/**
 * A stand-in for the Taro API (`@tarojs/taro`) in jsdom, whose H5 build cannot load there. It
 * provides what our pages and NutUI touch; lifecycle hooks run like React effects.
 */
import { useEffect } from 'react'

const listeners = new Map<string, Set<(...args: unknown[]) => void>>()

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN' }
export const getEnv = () => ENV_TYPE.WEB
export const eventCenter = {
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)?.add(fn)
  },
  off(name: string, fn?: (...args: unknown[]) => void) {
    if (fn) listeners.get(name)?.delete(fn)
    else listeners.delete(name)
  },
  trigger(name: string, ...args: unknown[]) {
    listeners.get(name)?.forEach((fn) => fn(...args))
  },
}
export const getCurrentInstance = () => ({ router: { params: {}, path: '/pages/index/index' } })
export const nextTick = (fn: () => void) => Promise.resolve().then(fn)
export const pxTransform = (n: number) => `${n / 2}px`
const windowInfo = { windowWidth: 375, windowHeight: 667, screenWidth: 375, pixelRatio: 2 }
export const getSystemInfoSync = () => ({ ...windowInfo, platform: 'devtools' })
export const getWindowInfo = () => windowInfo
export const createSelectorQuery = () => {
  const query = {
    select: () => query,
    selectAll: () => query,
    in: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (res: unknown[]) => void) => cb?.([]),
  }
  return query
}
export const useDidShow = (fn: () => void) =>
  useEffect(() => {
    fn()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
export const useDidHide = () => undefined
export const useLaunch = useDidShow
export const useReady = useDidShow
export const useLoad = useDidShow
export const useUnload = () => undefined
export const usePageScroll = () => undefined
export const useRouter = () => getCurrentInstance().router
export const showToast = async () => undefined
export const cloud = undefined

/** The phone's storage (Taro.getStorageSync …), kept in memory; `storage.clear()` between tests. */
export const storage = new Map<string, unknown>()
export const getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
export const setStorageSync = (key: string, value: unknown) => void storage.set(key, value)
export const removeStorageSync = (key: string) => void storage.delete(key)

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  ENV_TYPE,
  getEnv,
  eventCenter,
  getCurrentInstance,
  nextTick,
  pxTransform,
  getSystemInfoSync,
  getWindowInfo,
  createSelectorQuery,
  showToast,
  cloud,
}
export default Taro

/**
 * Small helpers of the mediation pages. Kept in this subpackage (not imported from the
 * committee's): a module two subpackages share is moved into the main package.
 */
import Taro from '@tarojs/taro'

/** Asks before an act that cannot be undone; answers whether the person said yes. */
export async function confirmAct(title: string, content: string, confirmText: string) {
  const sure = await Taro.showModal({ title, content, confirmText, cancelText: '先不' }).catch(
    () => ({ confirm: false }),
  )
  return !!sure.confirm
}

/** WeChat hands the query over as written; H5 may have decoded it already. */
export function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

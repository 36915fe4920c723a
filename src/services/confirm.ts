import Taro from '@tarojs/taro'

/** Asks before an act that cannot be undone; answers whether the person said yes. */
export async function confirmAct(title: string, content: string, confirmText: string) {
  const sure = await Taro.showModal({ title, content, confirmText, cancelText: '先不' }).catch(
    () => ({ confirm: false }),
  )
  return !!sure.confirm
}

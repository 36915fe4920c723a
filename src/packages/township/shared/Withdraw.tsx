/**
 * 撤回 and 撤回认领 on a card of the township's lists: asks first (Taro.showModal), then acts; after
 * it is done, a short toast and `onDone` (the page reads its list again); a refusal in its words.
 * Kept in this subpackage (a module two subpackages share is moved into the main package).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '../../../../types/api'

/** What each withdrawal asks before and says after (WeChat's buttons hold at most 4 characters). */
export const WITHDRAW_WORDS = {
  claim: {
    label: '撤回认领',
    title: '撤回认领',
    content: '撤回后，这条需求和这项服务都回到“待认领”，可以重新对接。确定撤回吗？',
    confirmText: '撤回认领',
    done: '已撤回认领',
  },
  service: {
    label: '撤回这项服务',
    title: '撤回服务',
    content: '撤回后，这项服务不再出现在服务清单上，村里也不能再认领。确定撤回吗？',
    confirmText: '撤回',
    done: '服务已撤回',
  },
} as const

export function WithdrawButton({
  id,
  words,
  act,
  onDone,
}: {
  id: string
  words: (typeof WITHDRAW_WORDS)[keyof typeof WITHDRAW_WORDS]
  act: () => Promise<Envelope<unknown>>
  onDone: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const withdraw = async () => {
    setFailure(undefined)
    const sure = await Taro.showModal({
      title: words.title,
      content: words.content,
      confirmText: words.confirmText,
      cancelText: '先不',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    const res = await act()
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: words.done, icon: 'none' })
    onDone()
  }
  return (
    <View className="tw__buttons">
      <Button id={id} size="large" block loading={busy} onClick={withdraw}>
        {words.label}
      </Button>
      {failure && (
        <Text className="tw__failure" id={`${id}-failure`}>
          {failure}
        </Text>
      )}
    </View>
  )
}

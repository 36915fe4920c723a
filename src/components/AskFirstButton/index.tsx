import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '../../../types/api'
import { confirmAct } from '../../services/confirm'
import './index.css'

/** What the button says, asks before and says after (WeChat's dialog buttons: 4 characters). */
export interface AskFirstWords {
  label: string
  title: string
  content: string
  confirmText: string
  done: string
}

interface Props {
  id: string
  words: AskFirstWords
  /** The call; its refusal is shown under the button, in its own words. */
  act: () => Promise<Envelope<unknown>>
  /** After it is done (the page reads its list again). */
  onDone: () => void
}

/**
 * A large button for an act that cannot be undone (撤回, 撤回认领): asks first (Taro.showModal),
 * then acts; done, a short toast and `onDone`; refused, the reason under the button (`<id>-failure`).
 */
export default function AskFirstButton({ id, words, act, onDone }: Props) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const run = async () => {
    setFailure(undefined)
    if (!(await confirmAct(words.title, words.content, words.confirmText))) return
    setBusy(true)
    const res = await act()
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: words.done, icon: 'none' })
    onDone()
  }
  return (
    <View className="ask-first">
      <Button id={id} size="large" block loading={busy} onClick={run}>
        {words.label}
      </Button>
      {failure && (
        <Text className="ask-first__failure" id={`${id}-failure`}>
          {failure}
        </Text>
      )}
    </View>
  )
}

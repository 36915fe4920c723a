import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { getCurrentInstance } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '../../../../../types/api'
import type { WhistleView } from '../../../../../types/api/whistles'
import { WHISTLE_LIMITS } from '../../../../../domain/township/whistleSchemas'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { shanghaiTime } from '../../../../components/Timeline'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction, NETWORK_ERROR } from '../../../../services/cloud'
import WhistleCard from '../../shared/WhistleCard'
import '../../shared/township.css'

const NOT_FOUND = { code: 'NOT_FOUND', message: '没有找到这次吹哨，请从吹哨事项进来。' } as const

/** One whistle of a matter (`matterWhistles` answers the matter's whistles; this one by its id). */
async function loadWhistle(id?: string, matterId?: string): Promise<Envelope<WhistleView>> {
  if (!id || !matterId) return { ok: false, error: NOT_FOUND }
  const res = await callFunction('whistles', 'matterWhistles', { matterId })
  if (!res.ok) return res
  const w = res.data.items.find((x) => x.id === id)
  return w ? { ok: true, data: w } : { ok: false, error: NOT_FOUND }
}

type Act = 'report' | 'resolve' | 'return'

const ACTS: Record<Act, { label: string; field: string; button: string }> = {
  report: { label: '反馈进展', field: '进展（村里会看到）', button: '发送进展' },
  resolve: { label: '办结', field: '办理结果（村里会看到）', button: '确认办结' },
  return: { label: '退回', field: '退回理由：为什么不归本单位办', button: '确认退回' },
}

/**
 * 办理吹哨 (one `whistles.matterWhistles` call; `?id=&matterId=`): the whistle with its clock and
 * steps; 报到 first, then 反馈进展 and 办结 — or 退回 with the reason when it is not the unit's.
 */
export default function WhistlePage() {
  const [params] = useState(() => getCurrentInstance().router?.params ?? {})
  const [state, reload] = useLoad(() => loadWhistle(params.id, params.matterId))
  const [changed, setChanged] = useState<WhistleView>()
  const shown = changed ? { status: 'ready' as const, data: changed } : state
  return (
    <Screen className="township">
      <LoadView state={shown} onRetry={reload}>
        {(w) => <Body whistle={w} onChanged={setChanged} />}
      </LoadView>
    </Screen>
  )
}

function Body({
  whistle: w,
  onChanged,
}: {
  whistle: WhistleView
  onChanged: (w: WhistleView) => void
}) {
  const [act, setAct] = useState<Act>()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const open = w.status === 'raised' || w.status === 'acknowledged'

  const run = async (call: () => Promise<Envelope<WhistleView>>, done: string) => {
    setBusy(true)
    setFailure(undefined)
    const res = await call().catch(() => ({ ok: false as const, error: NETWORK_ERROR }))
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setAct(undefined)
    setText('')
    void Taro.showToast({ title: done, icon: 'none' })
    onChanged(res.data)
  }
  const send = () => {
    const whistleId = w.id
    if (act === 'report')
      return run(
        () => callFunction('whistles', 'reportWhistleProgress', { whistleId, text }),
        '已反馈',
      )
    if (act === 'resolve')
      return run(() => callFunction('whistles', 'resolveWhistle', { whistleId, text }), '已办结')
    if (act === 'return')
      return run(
        () => callFunction('whistles', 'returnWhistle', { whistleId, reason: text }),
        '已退回',
      )
  }

  return (
    <View className="tw__page" id="tw-whistle">
      <WhistleCard whistle={w} />
      <View className="tw__card">
        <Text className="tw__section">经过</Text>
        <View className="tw__steps" id="tw-whistle-steps">
          {w.steps.map((s, i) => (
            <Text key={i} className="tw__line">
              {shanghaiTime(s.at)}　{s.byLabel}　{STEP_WORDS[s.kind]}
              {s.text ? `：${s.text}` : ''}
            </Text>
          ))}
        </View>
      </View>
      {open && (
        <View className="tw__buttons" id="tw-whistle-acts">
          {w.status === 'raised' && (
            <Button
              id="tw-whistle-ack"
              type="primary"
              size="large"
              block
              loading={busy && !act}
              onClick={() =>
                run(
                  () => callFunction('whistles', 'acknowledgeWhistle', { whistleId: w.id }),
                  '已报到',
                )
              }
            >
              报到（我们来办）
            </Button>
          )}
          {!act &&
            (Object.keys(ACTS) as Act[])
              .filter((a) => a !== 'report' || w.status === 'acknowledged')
              .map((a) => (
                <Button key={a} id={`tw-whistle-${a}`} size="large" block onClick={() => setAct(a)}>
                  {ACTS[a].label}
                </Button>
              ))}
          {act && (
            <View className="tw__card" id="tw-whistle-form">
              <Text className="tw__section">{ACTS[act].label}</Text>
              <FormField id="tw-whistle-text" label={ACTS[act].field}>
                <Textarea
                  id="tw-whistle-text"
                  className="tw__textarea"
                  value={text}
                  maxlength={act === 'return' ? WHISTLE_LIMITS.reason : WHISTLE_LIMITS.text}
                  onInput={(e) => setText(e.detail.value)}
                />
              </FormField>
              <View className="tw__buttons">
                <Button
                  id="tw-whistle-send"
                  type="primary"
                  size="large"
                  block
                  loading={busy}
                  onClick={send}
                >
                  {ACTS[act].button}
                </Button>
                <Button id="tw-whistle-cancel" size="large" block onClick={() => setAct(undefined)}>
                  先不
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
      {failure && (
        <Text className="tw__failure" id="tw-whistle-failure">
          {failure}
        </Text>
      )}
    </View>
  )
}

const STEP_WORDS: Record<WhistleView['steps'][number]['kind'], string> = {
  raised: '吹哨',
  acknowledged: '报到',
  progress: '反馈进展',
  escalated: '超时升级',
  resolved: '办结',
  returned: '退回',
}

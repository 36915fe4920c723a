import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterDetail } from '../../../../../types/api/matters'
import type { DepartmentView, WhistleTierView } from '../../../../../types/api/whistles'
import type { WhistleTier } from '../../../../../types/model/township'
import { WHISTLE_LIMITS } from '../../../../../domain/township/whistleSchemas'
import { WHISTLE_MATTER_STATUSES } from '../../../../../domain/township/whistleSteps'
import { whistleDurationWords } from '../../../../../domain/township/whistle'
import FormField from '../../../../components/FormField'
import { callFunction } from '../../../../services/cloud'

interface Options {
  departments: DepartmentView[]
  tiers: WhistleTierView[]
}

/** Whether a matter in this status may be escalated (domain/township/whistleSteps.ts). */
export const mayBlowWhistle = (d: MatterDetail): boolean =>
  (WHISTLE_MATTER_STATUSES as readonly string[]).includes(d.status)

const chosen = (words: string, on: boolean) => (on ? `${words}（已选）` : words)

/**
 * 吹哨报到: the village cannot solve this matter alone — the committee escalates it to a department
 * of its district or township, with the kind of matter that sets the response clock. The choices
 * (`whistles.whistleOptions`) are read only when 吹哨 is tapped; sending is `blowWhistle`.
 */
export function WhistlePanel({
  detail: d,
  onActed,
}: {
  detail: MatterDetail
  onActed: (words: string) => void
}) {
  const [options, setOptions] = useState<Options>()
  const [department, setDepartment] = useState<string>()
  const [tier, setTier] = useState<WhistleTier>()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const open = async () => {
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('whistles', 'whistleOptions', {})
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setOptions(res.data)
  }
  const send = async () => {
    if (!department) return setFailure('请选择向哪个部门吹哨。')
    if (!tier) return setFailure('请选择是哪一类事。')
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('whistles', 'blowWhistle', {
      matterId: d.id,
      departmentId: department,
      tier,
      note,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setOptions(undefined)
    onActed(`已向${res.data.departmentName}吹哨：${res.data.clockWords}`)
  }

  return (
    <View className="cm__card" id="cmatter-whistle">
      <Text className="cm__section">吹哨报到</Text>
      <Text className="cm__meta">
        村里解决不了的事，请区里或乡镇的部门来办。部门要在期限内报到。
      </Text>
      {!options && (
        <Button id="cmatter-whistle-open" size="large" block loading={busy} onClick={open}>
          吹哨
        </Button>
      )}
      {options && (
        <View>
          <Text className="cm__ask">向哪个部门吹哨？</Text>
          <View className="cm__choices" id="cmatter-whistle-departments">
            {options.departments.map((dep) => (
              <Button
                key={dep.id}
                id={`cmatter-whistle-dept-${dep.id}`}
                size="large"
                block
                type={department === dep.id ? 'primary' : 'default'}
                onClick={() => setDepartment(dep.id)}
              >
                {chosen(
                  `${dep.name}（${dep.level === 'district' ? '区直部门' : '乡镇站所'}）`,
                  department === dep.id,
                )}
              </Button>
            ))}
          </View>
          <Text className="cm__ask">是哪一类事？（决定报到期限）</Text>
          <View className="cm__choices" id="cmatter-whistle-tiers">
            {options.tiers.map((t) => (
              <Button
                key={t.tier}
                id={`cmatter-whistle-tier-${t.tier}`}
                size="large"
                block
                type={tier === t.tier ? 'primary' : 'default'}
                onClick={() => setTier(t.tier)}
              >
                {chosen(
                  `${t.label}：${whistleDurationWords(t.responseHours * 3600_000)}内报到`,
                  tier === t.tier,
                )}
              </Button>
            ))}
          </View>
          <FormField id="cmatter-whistle-note" label="说明（可以不填）">
            <Textarea
              id="cmatter-whistle-note"
              className="cm__textarea"
              value={note}
              maxlength={WHISTLE_LIMITS.note}
              placeholder="例如 村里水管爆了，村委会修不了"
              onInput={(e) => setNote(e.detail.value)}
            />
          </FormField>
          <Button
            id="cmatter-whistle-send"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={send}
          >
            吹哨
          </Button>
        </View>
      )}
      {failure && (
        <Text className="cm__failure" id="cmatter-whistle-failure">
          {failure}
        </Text>
      )}
    </View>
  )
}

import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { VillageView } from '../../../../../types/api/village'
import { LIMITS, SETTING_BOUNDS } from '../../../../../domain/village/schemas'
import { scheduleLabel } from '../../../../../domain/talkday'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { Choice } from '../index/parts'
import { fieldOf, SETTINGS_FORM, valuesOf, type SettingsValues } from './form'
import '../index/console.css'

const loadVillage = () => callFunction('village', 'getVillage', {})

type NumberField = 'responseDeadlineDays' | 'pollNoticeDays' | 'proxyLimit'

const NUMBERS: Array<{ key: NumberField; label: string; unit: string }> = [
  {
    key: 'responseDeadlineDays',
    label: '接诉即办：提出的事，几天内要答复',
    unit: `天（${SETTING_BOUNDS.responseDeadlineDays.min}–${SETTING_BOUNDS.responseDeadlineDays.max}）`,
  },
  {
    key: 'pollNoticeDays',
    label: '表决的公告期：开始后至少几天才能结束',
    unit: `天（${SETTING_BOUNDS.pollNoticeDays.min}–${SETTING_BOUNDS.pollNoticeDays.max}）`,
  },
  {
    key: 'proxyLimit',
    label: '代投：每人每次表决最多替几个人投',
    unit: `票（${SETTING_BOUNDS.proxyLimit.min}–${SETTING_BOUNDS.proxyLimit.max}）`,
  },
]

function SettingsForm({ village }: { village: VillageView }) {
  const [current, setCurrent] = useState(village)
  const form = useSchemaForm(SETTINGS_FORM, valuesOf(village))
  const [edited, setEdited] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string>()
  const [failure, setFailure] = useState<string>()

  // The schema speaks of the request (settings.pollNoticeDays); the form of its fields.
  const errors: Record<string, string> = {}
  for (const [path, message] of Object.entries(form.errors)) {
    const field = fieldOf(path)
    if (!(field in errors) && !edited.has(field)) errors[field] = message
  }

  const set = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => {
    setNote(undefined)
    setEdited((e) => new Set(e).add(key as string))
    form.set(key, value)
  }

  const save = async () => {
    setNote(undefined)
    setFailure(undefined)
    setEdited(new Set())
    const input = form.check()
    if (!input) return setFailure('有几处要改一下，看上面红字。')
    setBusy(true)
    const res = await callFunction('village', 'updateVillage', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    setCurrent(res.data)
    form.set('talkDays', res.data.talkDays.join(' '))
    setNote(res.data.changed ? '已保存。' : '没有改动，不用保存。')
  }

  return (
    <View id="settings-form">
      <Text className="cc-title">{current.name}的设置</Text>
      <View className="cc-card" id="settings-counts">
        <Text className="cc-card__line">
          名册：{current.counts.households} 户，18 岁以上 {current.counts.adults} 人，村民代表{' '}
          {current.counts.representatives} 人
        </Text>
        {current.inviteCode && (
          <Text className="cc-card__line" id="settings-invite">
            邀请码：{current.inviteCode}（村民加入时输入）
          </Text>
        )}
      </View>

      <FormField id="settings-talk-days" label="说事日：每月的哪几天" error={errors.talkDays}>
        <Input
          id="settings-talk-days"
          className="cc-input"
          value={form.values.talkDays}
          maxlength={100}
          placeholder="例如 4 14 24"
          onInput={(e) => set('talkDays', e.detail.value)}
        />
      </FormField>
      <Text className="cc-section__hint">现在是：{scheduleLabel(current.talkDays)}</Text>

      {NUMBERS.map((f) => (
        <FormField
          key={f.key}
          id={`settings-${f.key}`}
          label={`${f.label}（${f.unit}）`}
          error={errors[f.key]}
        >
          <Input
            id={`settings-${f.key}`}
            className="cc-input"
            type="number"
            value={form.values[f.key]}
            maxlength={3}
            placeholder={`${f.label}（${f.unit}）`}
            onInput={(e) => set(f.key, e.detail.value)}
          />
        </FormField>
      ))}

      <View className="cc-section" id="settings-delegation">
        <Text className="cc-section__title">村民会议的授权</Text>
        <Text className="cc-section__hint">
          村民会议可以授权村民代表会议讨论决定村里的大事（村民委员会组织法第二十四条）。有授权，才能由村民代表表决这些事。
        </Text>
        <Choice
          id="settings-delegated"
          label="村民会议已经授权村民代表会议"
          on={form.values.delegated}
          onTap={() => set('delegated', !form.values.delegated)}
        />
        {form.values.delegated && (
          <View>
            <FormField
              id="settings-delegation-date"
              label="授权的日期（村民会议开会那天）"
              error={errors.delegationDate}
            >
              <Input
                id="settings-delegation-date"
                className="cc-input"
                value={form.values.delegationDate}
                maxlength={10}
                placeholder="例如 2026-03-01"
                onInput={(e) => set('delegationDate', e.detail.value)}
              />
            </FormField>
            <FormField
              id="settings-delegation-note"
              label="授权了哪些事"
              error={errors.delegationNote}
            >
              <Textarea
                id="settings-delegation-note"
                className="cc-textarea"
                value={form.values.delegationNote}
                maxlength={LIMITS.delegationNote}
                placeholder="例如：集体土地承包方案、宅基地分配"
                onInput={(e) => set('delegationNote', e.detail.value)}
              />
            </FormField>
          </View>
        )}
        {current.settings.delegation && !form.values.delegated && (
          <Text className="cc-failure" id="settings-delegation-clear">
            保存后，{current.settings.delegation.date} 的授权就去掉了。
          </Text>
        )}
      </View>

      {errors.form && (
        <Text className="cc-failure" id="settings-form-error">
          {errors.form}
        </Text>
      )}
      <Button id="settings-save" type="primary" size="large" block loading={busy} onClick={save}>
        保存设置
      </Button>
      {note && (
        <Text className="cc-note" id="settings-note">
          {note}
        </Text>
      )}
      {failure && (
        <Text className="cc-failure" id="settings-failure">
          {failure}
        </Text>
      )}
    </View>
  )
}

/**
 * 村里的设置 (one `village.getVillage` call): 说事日, 接诉即办's deadline, a poll's notice, the
 * 代投 limit and the assembly's 授权 — checked with the function's own schema before saving, the
 * refusals in words beside their fields.
 */
export default function Settings() {
  const [state, reload] = useLoad(loadVillage)
  return (
    <Screen className="cc-page committee-settings">
      <LoadView state={state} onRetry={reload}>
        {(village) => <SettingsForm village={village} />}
      </LoadView>
    </Screen>
  )
}

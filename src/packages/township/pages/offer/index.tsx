import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ProviderKind } from '../../../../../types/model/township'
import {
  LIST_CATEGORIES,
  LIST_LIMITS,
  PROVIDER_KINDS,
  SERVICE_INPUT,
  type ListCategory,
} from '../../../../../domain/township/lists'
import FormField from '../../../../components/FormField'
import Screen from '../../../../components/Screen'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import Choices from '../../shared/Choices'
import { townshipChoice } from '../../shared/township'
import '../../shared/township.css'

const EMPTY = {
  providerKind: '' as ProviderKind | '',
  providerName: '',
  category: '' as ListCategory | '',
  what: '',
  capacity: '',
  area: '',
  time: '',
}

type TextKey = 'providerName' | 'capacity' | 'area' | 'time'

const LINES: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'providerName', label: '提供方名称', placeholder: '例如 东镇社工站' },
  { key: 'capacity', label: '服务能力', placeholder: '例如 每周 30 人' },
  { key: 'area', label: '服务范围', placeholder: '例如 东镇各村' },
  { key: 'time', label: '服务时间', placeholder: '例如 工作日中午' },
]

/**
 * 登记服务 (one `township.offerService` call): who offers it, the category, what, how much, where
 * and when, checked by the function's own schema before sending. The staff member who registers
 * it acts for its provider.
 */
export default function OfferService() {
  const form = useSchemaForm(SERVICE_INPUT, EMPTY, 'township.offer')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('township', 'offerService', { ...input, ...townshipChoice() })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    void Taro.showToast({ title: '已登记', icon: 'none' })
    void Taro.navigateBack().catch(() => undefined)
  }

  return (
    <Screen className="township">
      <View className="tw__page" id="tw-offer-form">
        <Text className="tw__title">登记服务</Text>
        <FormField id="offer-kind" label="提供方是" error={form.errors.providerKind}>
          <Choices
            id="offer-kind"
            options={PROVIDER_KINDS}
            value={form.values.providerKind}
            onChoose={(k) => form.set('providerKind', k)}
          />
        </FormField>
        <FormField id="offer-category" label="类别" error={form.errors.category}>
          <Choices
            id="offer-category"
            options={LIST_CATEGORIES}
            value={form.values.category}
            onChoose={(k) => form.set('category', k)}
          />
        </FormField>
        <FormField id="offer-what" label="服务内容" error={form.errors.what}>
          <Textarea
            id="offer-what"
            className="tw__textarea"
            value={form.values.what}
            maxlength={LIST_LIMITS.what + 10}
            placeholder="例如 老年餐桌送餐上门"
            onInput={(e) => form.set('what', e.detail.value)}
          />
        </FormField>
        {LINES.map((l) => (
          <FormField key={l.key} id={`offer-${l.key}`} label={l.label} error={form.errors[l.key]}>
            <Input
              id={`offer-${l.key}`}
              className="tw__input"
              value={form.values[l.key]}
              maxlength={LIST_LIMITS[l.key] + 5}
              placeholder={l.placeholder}
              onInput={(e) => form.set(l.key, e.detail.value)}
            />
          </FormField>
        ))}
        {failure && (
          <Text className="tw__failure" id="offer-failure">
            {failure}
          </Text>
        )}
        <Button id="offer-submit" type="primary" size="large" block loading={busy} onClick={submit}>
          登记
        </Button>
      </View>
    </Screen>
  )
}

/** The pieces the township's pages share: a row that goes somewhere, a need's and a service's card. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { NeedView, ServiceView } from '../../../../types/api/township'
import { FOCUSABLE } from '../../../components/MatterItem'
import { categoryLabel, claimWords, providerWords, statusWord } from './words'
import './township.css'

interface RowProps {
  id: string
  label: string
  hint?: string
  onTap: () => void
}

export function LinkRow({ id, label, hint, onTap }: RowProps) {
  return (
    <View className="tw__row" id={id} role="link" {...FOCUSABLE} onClick={onTap}>
      <View className="tw__row-main">
        <Text className="tw__row-label">{label}</Text>
        {hint && <Text className="tw__row-hint">{hint}</Text>}
      </View>
      <Text className="tw__row-arrow" aria-hidden>
        ›
      </Text>
    </View>
  )
}

function StatusWord({ status }: { status: NeedView['status'] }) {
  return (
    <Text className={`tw__status${status === 'open' ? ' tw__status--open' : ''}`}>
      {statusWord(status)}
    </Text>
  )
}

/** One need, large and plain: its status word, what, where, when, for how many; then `children`. */
export function NeedCard({ need, children }: { need: NeedView; children?: ReactNode }) {
  return (
    <View className="tw__card" id={`need-${need.id}`}>
      <View className="tw__head">
        <StatusWord status={need.status} />
        <Text className="tw__category">{categoryLabel(need.category)}</Text>
      </View>
      <Text className="tw__text">{need.description}</Text>
      <Text className="tw__line">{need.villageName}</Text>
      <Text className="tw__line">
        地点：{need.place}　时间：{need.when}
      </Text>
      <Text className="tw__line">受益人数：{need.peopleAffected} 人</Text>
      {need.claim && <Text className="tw__meta">{claimWords(need.claim)}</Text>}
      {children}
    </View>
  )
}

/** One service, large and plain: its status word, who offers what, how much, where and when. */
export function ServiceCard({ service, children }: { service: ServiceView; children?: ReactNode }) {
  return (
    <View className="tw__card" id={`service-${service.id}`}>
      <View className="tw__head">
        <StatusWord status={service.status} />
        <Text className="tw__category">{categoryLabel(service.category)}</Text>
      </View>
      <Text className="tw__text">{service.what}</Text>
      <Text className="tw__line">提供方：{providerWords(service)}</Text>
      <Text className="tw__line">
        能力：{service.capacity}　范围：{service.area}
      </Text>
      <Text className="tw__line">时间：{service.time}</Text>
      {service.claim && <Text className="tw__meta">{claimWords(service.claim)}</Text>}
      {children}
    </View>
  )
}

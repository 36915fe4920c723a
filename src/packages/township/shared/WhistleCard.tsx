import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { WhistleView } from '../../../../types/api/whistles'
import { WHISTLE_STATUS_LABELS } from '../../../../domain/township/whistleSteps'
import { FOCUSABLE } from '../../../components/MatterItem'
import { shanghaiTime } from '../../../components/Timeline'
import './township.css'

interface Props {
  whistle: WhistleView
  onTap?: () => void
  children?: ReactNode
}

/**
 * One whistle, large and plain: the matter, the village, the department, the tier, its status
 * word and its clock in words. Overdue is said in words (已超时 …, and 超时 beside the status) and
 * drawn in red with a red edge: never by colour alone.
 */
export default function WhistleCard({ whistle: w, onTap, children }: Props) {
  return (
    <View
      className={`tw__card${w.overdue ? ' tw__card--late' : ''}`}
      id={`whistle-${w.id}`}
      {...(onTap ? { role: 'link', ...FOCUSABLE, onClick: onTap } : {})}
    >
      <View className="tw__head">
        <Text className="tw__status">{WHISTLE_STATUS_LABELS[w.status]}</Text>
        {w.overdue && <Text className="tw__status tw__status--late">超时</Text>}
        <Text className="tw__category">{w.tierLabel}</Text>
      </View>
      <Text className="tw__text">{w.matterTitle}</Text>
      <Text className="tw__line">
        {w.villageName} → {w.departmentName}
      </Text>
      <Text className={`tw__line${w.overdue ? ' tw__alarm' : ''}`} id={`whistle-clock-${w.id}`}>
        {w.clockWords}
      </Text>
      <Text className="tw__meta">
        {shanghaiTime(w.raisedAt)} 吹哨，应在 {shanghaiTime(w.dueAt)} 前报到
      </Text>
      {onTap && <Text className="tw__go">去办理 ›</Text>}
      {children}
    </View>
  )
}

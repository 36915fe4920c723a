import { Text } from '@tarojs/components'
import { STATUS_LABELS } from '../../../domain/matters/lifecycle'
import type { MatterStatus } from '../../../types/model/matter'
import './index.css'

/** The colour family of a status; the word always says it too (colour is never the only sign). */
export type StatusTone = 'waiting' | 'active' | 'working' | 'done' | 'ended'

export const STATUS_TONES: Record<MatterStatus, StatusTone> = {
  raised: 'waiting',
  accepted: 'active',
  discussing: 'active',
  deciding: 'active',
  decided: 'working',
  handling: 'working',
  resolved: 'done',
  declined: 'ended',
  merged: 'ended',
  withdrawn: 'ended',
  closed: 'ended',
}

/** A matter's status as a word (待受理, 议事中 …) in a coloured frame. */
export default function StatusTag({ status, id }: { status: MatterStatus; id?: string }) {
  return (
    <Text id={id} className={`status-tag status-tag--${STATUS_TONES[status]}`}>
      {STATUS_LABELS[status]}
    </Text>
  )
}

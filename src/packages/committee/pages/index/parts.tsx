/** The pieces the committee's pages share: a big plain row, a matter row, a choice box. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MatterSummary } from '../../../../../types/api/matters'
import { clockWords } from '../../../../../domain/matters/clock'
import { dayLabel, FOCUSABLE } from '../../../../components/MatterItem'
import StatusTag from '../../../../components/StatusTag'
import { ROUTES, withQuery } from '../../../../routes'
import './console.css'

export const go = (url: string) => void Taro.navigateTo({ url })

/** The committee's page of one matter. */
export const committeeMatterUrl = (id: string) => withQuery(ROUTES.committeeMatter, { id })

interface RowProps {
  id: string
  label: string
  /** A line under the label, in plain words. */
  hint?: string
  /** A number beside it (how many wait); red when `alert`. */
  count?: number
  alert?: boolean
  onTap: () => void
}

/** A row that goes somewhere: large words, an optional count, the arrow only decoration. */
export function ConsoleRow({ id, label, hint, count, alert, onTap }: RowProps) {
  return (
    <View
      className={`cc-row${alert ? ' cc-row--alert' : ''}`}
      id={id}
      role="link"
      {...FOCUSABLE}
      onClick={onTap}
    >
      <View className="cc-row__main">
        <Text className="cc-row__label">{label}</Text>
        {hint && <Text className="cc-row__hint">{hint}</Text>}
      </View>
      {count !== undefined && <Text className="cc-row__count">{count}</Text>}
      <Text className="cc-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  )
}

interface MatterRowProps {
  matter: MatterSummary
  /** The 接诉即办 clock, for a matter waiting for the committee's answer. */
  clock?: { respondBy: string; hoursLeft: number }
  children?: ReactNode
}

/** One matter in the committee's lists: opens the committee's page of it. */
export function CommitteeMatterRow({ matter: m, clock, children }: MatterRowProps) {
  const late = clock !== undefined && clock.hoursLeft < 0
  return (
    <View
      className={`cc-card${late ? ' cc-row--alert' : ''}`}
      id={`cmatter-${m.id}`}
      role="link"
      {...FOCUSABLE}
      onClick={() => go(committeeMatterUrl(m.id))}
    >
      <Text className="cc-card__name">
        {m.urgent ? '【急事】' : ''}
        {m.title}
      </Text>
      <View className="cc-matter__meta">
        <StatusTag status={m.status} />
        {m.category && <Text>{m.category.label}</Text>}
        <Text>
          {m.raisedByName} {dayLabel(m.raisedAt)}提出
        </Text>
      </View>
      {clock && (
        <Text className={`cc-clock${late ? ' cc-clock--late' : ''}`}>
          {clockWords(clock.respondBy, Date.now())}
        </Text>
      )}
      {children}
    </View>
  )
}

interface ChoiceProps {
  id: string
  label: string
  on: boolean
  /** `radio` for one of several, `checkbox` for each on its own. */
  kind?: 'checkbox' | 'radio'
  disabled?: boolean
  onTap: () => void
}

/** A large tick box (or radio) with its word: the whole row is the target. */
export function Choice({ id, label, on, kind = 'checkbox', disabled, onTap }: ChoiceProps) {
  const mark = kind === 'radio' ? (on ? '◉' : '○') : on ? '☑' : '☐'
  return (
    <View
      className={`cc-choice${on ? ' cc-choice--on' : ''}`}
      id={id}
      role={kind}
      aria-checked={on}
      aria-disabled={disabled || undefined}
      {...FOCUSABLE}
      onClick={() => {
        if (!disabled) onTap()
      }}
    >
      <Text className="cc-choice__box" aria-hidden>
        {mark}
      </Text>
      <Text>{label}</Text>
    </View>
  )
}

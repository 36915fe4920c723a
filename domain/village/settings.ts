/** A village's settings and counts, with the defaults an older or freshly seeded village lacks. */
import type { SettingsEdit } from '../../types/api/village'
import type { Village, VillageCounts, VillageSettings } from '../../types/model/member'
import { DEFAULT_TALK_DAYS } from '../talkday'

/**
 * Issue #4's defaults: 10 items per agenda, 3 days to respond, 3 reports, 7 days to rate; issue
 * #10's: 3 days' notice of a poll (bodies other than the assembly), 3 代投 per recorder and poll,
 * and no delegation (授权) recorded.
 */
export const DEFAULT_SETTINGS: VillageSettings = {
  agendaSize: 10,
  responseDeadlineDays: 3,
  reportThreshold: 3,
  ratingWindowDays: 7,
  pollNoticeDays: 3,
  proxyLimit: 3,
}

export const NO_COUNTS: VillageCounts = { adults: 0, households: 0, representatives: 0 }

type Editable = Pick<Village, 'name' | 'talkDays' | 'settings' | 'counts'>

/** A stored village completed with defaults for whatever it lacks. */
export function withDefaults(v: Partial<Editable>): Editable {
  return {
    name: v.name ?? '',
    talkDays: v.talkDays ?? [...DEFAULT_TALK_DAYS],
    settings: { ...DEFAULT_SETTINGS, ...v.settings },
    counts: { ...NO_COUNTS, ...v.counts },
  }
}

export interface VillageEdit {
  name?: string
  talkDays?: number[]
  settings?: SettingsEdit
  counts?: Partial<VillageCounts>
}

export interface EditResult {
  next: Editable
  /** The fields that really change, before and after (empty: nothing to write). */
  before: Partial<Editable>
  after: Partial<Editable>
}

const drop = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, x]) => x !== undefined)) as Partial<T>

/** The settings after an edit: given ones replace, `delegation: null` removes the delegation. */
function editSettings(now: VillageSettings, edit: SettingsEdit | undefined): VillageSettings {
  const { delegation, ...rest } = edit ?? {}
  const next: VillageSettings = { ...now, ...drop(rest) }
  if (delegation === null) delete next.delegation
  else if (delegation) next.delegation = { date: delegation.date, note: delegation.note }
  return next
}

/**
 * Applies an edit to a village: given settings and counts are merged into the current ones.
 * `after.settings`, when present, is the whole new settings object (to be written whole, so a
 * cleared delegation goes).
 */
export function applyVillageEdit(current: Partial<Editable>, edit: VillageEdit): EditResult {
  const now = withDefaults(current)
  const next: Editable = {
    name: edit.name ?? now.name,
    talkDays: edit.talkDays ?? now.talkDays,
    settings: editSettings(now.settings, edit.settings),
    counts: { ...now.counts, ...drop(edit.counts) },
  }
  const before: Partial<Editable> = {}
  const after: Partial<Editable> = {}
  for (const key of ['name', 'talkDays', 'settings', 'counts'] as const) {
    if (JSON.stringify(now[key]) !== JSON.stringify(next[key])) {
      Object.assign(before, { [key]: now[key] })
      Object.assign(after, { [key]: next[key] })
    }
  }
  return { next, before, after }
}

/**
 * The settings form: what the committee types (text), turned into `updateVillage`'s request and
 * checked by the very schema the function checks with, so a refusal reads the same before sending
 * as after.
 */
import * as v from 'valibot'
import type { UpdateVillageRequest, VillageView } from '../../../../../types/api/village'
import { VILLAGE_SCHEMAS } from '../../../../../domain/village/schemas'

export interface SettingsValues extends Record<string, unknown> {
  /** Days of the month, as typed: `4 14 24`, `4、14、24`, `4号 14号`. */
  talkDays: string
  responseDeadlineDays: string
  pollNoticeDays: string
  proxyLimit: string
  delegated: boolean
  delegationDate: string
  delegationNote: string
}

export function valuesOf(village: VillageView): SettingsValues {
  const s = village.settings
  return {
    talkDays: village.talkDays.join(' '),
    responseDeadlineDays: String(s.responseDeadlineDays),
    pollNoticeDays: String(s.pollNoticeDays),
    proxyLimit: String(s.proxyLimit),
    delegated: Boolean(s.delegation),
    delegationDate: s.delegation?.date ?? '',
    delegationNote: s.delegation?.note ?? '',
  }
}

/** A typed number: '' or anything not a number stays not a number, for the schema to refuse. */
const numberOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()))

export function requestOf(values: SettingsValues): UpdateVillageRequest {
  return {
    talkDays: values.talkDays
      .replace(/[号日]/g, ' ')
      .split(/[\s,，、;；]+/)
      .filter(Boolean)
      .map(numberOf),
    settings: {
      responseDeadlineDays: numberOf(values.responseDeadlineDays),
      pollNoticeDays: numberOf(values.pollNoticeDays),
      proxyLimit: numberOf(values.proxyLimit),
      delegation: values.delegated
        ? { date: values.delegationDate.trim(), note: values.delegationNote }
        : null,
    },
  }
}

/** The form's schema: the text turned into the request, then `VILLAGE_SCHEMAS.updateVillage`. */
export const SETTINGS_FORM = v.pipe(
  v.custom<SettingsValues>((x) => typeof x === 'object' && x !== null, '设置不对'),
  v.transform((x): unknown => requestOf(x)),
  VILLAGE_SCHEMAS.updateVillage,
)

/** Where each of the request's problems is shown (the schema's dot paths → the form's fields). */
const FIELD_OF: Record<string, keyof SettingsValues> = {
  talkDays: 'talkDays',
  'settings.responseDeadlineDays': 'responseDeadlineDays',
  'settings.pollNoticeDays': 'pollNoticeDays',
  'settings.proxyLimit': 'proxyLimit',
  'settings.delegation': 'delegationDate',
  'settings.delegation.date': 'delegationDate',
  'settings.delegation.note': 'delegationNote',
}

export function fieldOf(path: string): string {
  if (FIELD_OF[path]) return FIELD_OF[path] as string
  // talkDays.1 (one day of the list) is the talk days' field.
  const head = Object.keys(FIELD_OF).find((k) => path.startsWith(`${k}.`))
  return head ? (FIELD_OF[head] as string) : 'form'
}

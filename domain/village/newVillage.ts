/**
 * A new village as stored: the one builder behind `npm run village:create` and the demo village,
 * so both start with the same default settings and counts. Pure; the name and talk days come
 * already checked (VILLAGE_CREATE in ./schemas.ts).
 */
import type { Village, VillageCounts } from '../../types/model/member'
import { DEFAULT_SETTINGS, NO_COUNTS } from './settings'

export interface NewVillage {
  name: string
  talkDays: readonly number[]
  /** When it is created (createdAt, updatedAt; the 启用码's issuedAt). */
  at: Date
  /** Known counts (the demo's register); default none: the committee imports its register. */
  counts?: VillageCounts
  inviteCode?: string
  /** SHA-256 (hex) of the normalised 村委会启用码, until the village is claimed. */
  foundingCodeHash?: string
}

export function newVillage(v: NewVillage): Omit<Village, '_id'> {
  return {
    name: v.name,
    talkDays: [...v.talkDays],
    counts: { ...(v.counts ?? NO_COUNTS) },
    settings: { ...DEFAULT_SETTINGS },
    ...(v.inviteCode ? { inviteCode: v.inviteCode } : {}),
    ...(v.foundingCodeHash ? { founding: { codeHash: v.foundingCodeHash, issuedAt: v.at } } : {}),
    createdAt: v.at,
    updatedAt: v.at,
  }
}

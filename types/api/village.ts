import type { ActionSpec } from './envelope'

/** Actions of the `village` function (villages, members, households, roles). */
export interface VillageApi {
  /** Who the platform says is calling: the caller's OPENID as CloudBase injects it. */
  whoami: ActionSpec<Record<string, never>, { openid: string }>
}

/** Who may act on a poll, the checks every write of a poll shares, and the village's poll settings. */
import type { LocalDate } from '../../types/model/common'
import type { Matter } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import type { Poll } from '../../types/model/poll'
import { withDefaults } from '../../domain/village/settings'
import { pollMayBeDrafted } from '../../domain/matters/actions'
import { STATUS_LABELS } from '../../domain/matters/lifecycle'
import type { ActorRecord } from '../_shared/actor'
import { fail } from '../_shared/handler'

/**
 * How long after the closing time the count waits: longer than the function's time limit (10 s,
 * config.json), so every cast that began before the closing time has landed or died by then, and
 * the count sees the ballots the export and the digest will show.
 */
export const CAST_GRACE_MS = 20_000

export const pollSubject = (poll: Pick<Poll, 'villageId'>) => ({ villageId: poll.villageId })

/** A moderator who is not on the committee drafts and opens polls only on the matter's talk day. */
export function assertMayRun(actor: ActorRecord, matter: Matter, now: Date): void {
  if (!pollMayBeDrafted(actor, matter, now)) {
    fail('FORBIDDEN', '主持人只能在这件事的说事日发起表决。')
  }
}

/** A poll is put to a matter that is being discussed (议事中). */
export function assertDiscussing(matter: Matter): void {
  if (matter.status !== 'discussing') {
    fail('CONFLICT', `这件事现在是“${STATUS_LABELS[matter.status]}”，议事中的事项才能发起表决。`)
  }
}

export function assertDraft(poll: Poll): void {
  if (poll.status !== 'draft') fail('CONFLICT', '这次表决已经开始了，不能再修改。')
}

/** The village's poll settings, with the defaults (domain/village/settings.ts). */
export function pollSettings(village: Village): {
  noticeDays: number
  delegation?: { date: LocalDate; note: string }
} {
  const { pollNoticeDays, delegation } = withDefaults(village).settings
  return { noticeDays: pollNoticeDays, ...(delegation ? { delegation } : {}) }
}

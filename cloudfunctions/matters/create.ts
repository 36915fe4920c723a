/** A new matter and its first timeline entry, inside the caller's transaction. */
import type { Matter, MatterCategory, MatterOrigin } from '../../types/model/matter'
import { deltaOf, matterContribution } from '../../domain/dashboard/rollups'
import { INITIAL_STATUS } from '../../domain/matters/lifecycle'
import type { ActorRecord } from '../_shared/actor'
import { audit } from '../_shared/audit'
import { assertOwnPhotos } from '../_shared/photos'
import type { Transaction } from '../_shared/cloud'
import { recordRollups } from '../_shared/rollups'
import { addMatter } from './repo'

export interface NewMatter {
  title: string
  body: string
  photos: string[]
  origin: MatterOrigin
  urgent: boolean
  respondBy: Date
  /** Chosen by the committee when it opens a topic; a raised matter gets one on acceptance. */
  category?: MatterCategory
}

export async function createMatter(
  t: Transaction,
  who: ActorRecord,
  input: NewMatter,
  now: Date,
  extra: (id: string) => Promise<Partial<Matter> & { note?: string }> = async () => ({}),
): Promise<{ matterId: string; fields: Partial<Matter> }> {
  assertOwnPhotos(input.photos)
  const status = INITIAL_STATUS[input.origin]
  const matter: Omit<Matter, '_id'> = {
    villageId: who.villageId,
    ...input,
    status,
    raisedBy: who.memberId,
    raisedByName: who.name,
    raisedAt: now,
    statusAt: { raised: now, [status]: now },
    rating: { count: 0, sum: 0, raters: [] },
    updatedAt: now,
  }
  const matterId = await addMatter(t, matter)
  // The dashboards' counts, in the same transaction (domain/dashboard/rollups.ts).
  await recordRollups(
    t,
    who.villageId,
    matterId,
    deltaOf(matterContribution(undefined), matterContribution(matter)),
    now,
  )
  const { note, ...fields } = await extra(matterId)
  await audit(t, {
    villageId: who.villageId,
    subjectType: 'matter',
    subjectId: matterId,
    action: input.origin === 'committee' ? 'openTopic' : 'raiseMatter',
    actorId: who.memberId,
    actorName: who.name,
    at: now,
    to: status,
    note,
  })
  return { matterId, fields }
}

/**
 * Mediation cases for function tests (#14, point 4), on the CAST (seedCast first): a dispute
 * between two residents of village A — CAST.resident and CAST.representative — led by
 * CAST.legalOfficer; CAST.resident2 is the member who is no party. Cases are written straight into
 * the database in whatever state a test needs, or made through the function.
 */
import type { Envelope } from '../../../types/api'
import type { MediationView } from '../../../types/api/mediation'
import type { MediationCase } from '../../../types/model/township'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { TEST_NOW, type Backend } from './backend'
import { CAST, insert, member, storedMatter, VILLAGE_A, VILLAGE_B } from './fixtures'
import type { Matter } from '../../../types/model/matter'

/** The two parties of every case here. */
export const PARTIES = [CAST.resident, CAST.representative] as const

/** A second legal officer of village A: not the officer of the cases here. */
export const OTHER_OFFICER = member('law2', VILLAGE_A, ['resident', 'legalOfficer'])
/** A legal officer of village B. */
export const OFFICER_B = member('blaw', VILLAGE_B, ['resident', 'legalOfficer'])
/** A resident of village B (never a party of village A's case). */
export const RESIDENT_B = member('bres', VILLAGE_B, ['resident'])

/** Words of a case nobody but its parties, its officer and the committee may ever read. */
export const SECRET = {
  place: '调解室甲号',
  notes: '张家说东墙是祖上留下的界线，李家说有协议为证',
  agreement: '东墙归张家，李家补偿八百元，三十日内付清',
  reproposed: '东墙归张家，李家补偿六百元，二十日内付清',
  failure: '双方对补偿数额分歧太大',
  referredTo: '区法律援助中心',
  referral: '涉及宅基地确权，建议走诉讼',
} as const

/** Members the mediation tests add to the CAST. */
export function seedMediationCast(backend: Backend): void {
  insert(backend, COLLECTION.members, [OTHER_OFFICER, OFFICER_B, RESIDENT_B])
}

/** An accepted neighbourhood dispute of village A, raised by CAST.resident. */
export function disputeMatter(id: string, over: Partial<Matter> = {}): Matter {
  return storedMatter(id, {
    title: `邻里纠纷${id}`,
    status: 'accepted',
    category: 'neighbourhood',
    talkDay: '2026-11-24',
    ...over,
  })
}

/** A stored case on `matterId` (whose id it takes) in the state `over` says: open, no meeting. */
export function storedCase(matterId: string, over: Partial<MediationCase> = {}): MediationCase {
  const at = new Date(TEST_NOW.getTime() - 3 * 86400e3)
  return {
    _id: matterId,
    villageId: VILLAGE_A,
    matterId,
    legalOfficerId: CAST.legalOfficer._id,
    partyIds: PARTIES.map((p) => p._id),
    status: 'open',
    meetings: [
      {
        at: new Date(at.getTime() + 3600e3),
        place: SECRET.place,
        notes: SECRET.notes,
        recordedBy: CAST.legalOfficer._id,
      },
    ],
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}

/** When the agreement of a `proposed` case was proposed. */
export const PROPOSED_AT = new Date(TEST_NOW.getTime() - 86400e3)

/** An open case with its agreement proposed, nobody confirmed yet. */
export function proposedCase(matterId: string, over: Partial<MediationCase> = {}): MediationCase {
  return storedCase(matterId, {
    agreement: { text: SECRET.agreement, proposedAt: PROPOSED_AT, confirmations: {} },
    ...over,
  })
}

/** A dispute matter and its case, written into the database. */
export function seedCase(backend: Backend, c: MediationCase): void {
  insert(backend, COLLECTION.matters, [disputeMatter(c.matterId)])
  insert(backend, COLLECTION.mediations, [c])
}

export function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

export function full(view: unknown): MediationView {
  const v = view as MediationView
  if (v.kind !== 'full') throw new Error(`expected the whole case, got ${JSON.stringify(view)}`)
  return v
}

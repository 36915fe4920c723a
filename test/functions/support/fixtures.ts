/**
 * Villages and members for function tests, written straight into the emulator's database through
 * the SDK (the way a seed does), so each test starts from a known state.
 */
import type { Matter } from '../../../types/model/matter'
import type { Member, Role, Village } from '../../../types/model/member'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Backend } from './backend'

export const VILLAGE_A = 'village-a'
export const VILLAGE_B = 'village-b'

export function village(id: string, name: string, over: Partial<Village> = {}): Village {
  const at = new Date('2026-01-01T00:00:00Z')
  return {
    _id: id,
    name,
    talkDays: [4, 14, 24],
    counts: { adults: 40, households: 12, representatives: 6 },
    settings: {
      agendaSize: 10,
      responseDeadlineDays: 3,
      reportThreshold: 3,
      ratingWindowDays: 7,
      pollNoticeDays: 3,
      proxyLimit: 3,
    },
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}

export function member(
  id: string,
  villageId: string,
  roles: Role[],
  over: Partial<Member> = {},
): Member {
  return {
    _id: id,
    villageId,
    openid: `openid-${id}`,
    name: `村民${id}`,
    householdNo: '001',
    roles,
    status: 'verified',
    requestedAt: new Date('2026-01-02T00:00:00Z'),
    ...over,
  }
}

/** One member per role in village A, a committee member in village B, and a pending applicant. */
export const CAST = {
  resident: member('res', VILLAGE_A, ['resident']),
  resident2: member('res2', VILLAGE_A, ['resident']),
  representative: member('rep', VILLAGE_A, ['resident', 'representative']),
  committee: member('com', VILLAGE_A, ['resident', 'committee']),
  moderator: member('mod', VILLAGE_A, ['resident', 'moderator']),
  legalOfficer: member('law', VILLAGE_A, ['resident', 'legalOfficer']),
  pending: member('pen', VILLAGE_A, ['resident'], { status: 'pending' }),
  otherCommittee: member('ocom', VILLAGE_B, ['resident', 'committee']),
} as const

/** The verified members of village A in CAST, written out by hand for the permission matrices. */
export const VILLAGE_A_VERIFIED: ReadonlyArray<keyof typeof CAST> = [
  'resident',
  'resident2',
  'representative',
  'committee',
  'moderator',
  'legalOfficer',
]

/** An OPENID the platform knows but no village does. */
export const STRANGER = 'openid-stranger'

/** Writes stored-shape documents straight into a collection. */
export function insert(backend: Backend, collection: string, docs: readonly object[]): void {
  backend.emulator.bulkInsert(collection, docs as ReadonlyArray<Record<string, unknown>>)
}

export async function seedCast(backend: Backend): Promise<void> {
  insert(backend, COLLECTION.villages, [village(VILLAGE_A, '示范村'), village(VILLAGE_B, '邻村')])
  insert(backend, COLLECTION.members, Object.values(CAST))
}

/** A stored matter of village A raised by CAST.resident, in whatever state `over` says. */
export function storedMatter(id: string, over: Partial<Matter> = {}): Matter {
  const at = new Date('2026-02-01T00:00:00Z')
  return {
    _id: id,
    villageId: VILLAGE_A,
    title: `事项${id}`,
    body: '内容',
    photos: [],
    origin: 'resident',
    urgent: false,
    status: 'raised',
    raisedBy: CAST.resident._id,
    raisedByName: CAST.resident.name,
    raisedAt: at,
    respondBy: new Date(at.getTime() + 3 * 86400e3),
    statusAt: { [over.status ?? 'raised']: at },
    rating: { count: 0, sum: 0, raters: [] },
    updatedAt: at,
    ...over,
  }
}

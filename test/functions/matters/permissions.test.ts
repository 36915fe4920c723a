/**
 * The permission matrix of the `matters` function: every action × every role in the village, a
 * committee member of another village, a pending applicant and a stranger. Each cell gets a fresh
 * matter in the state the action needs, so an allowed call succeeds and a refused one must leave
 * everything exactly as it was. What is allowed comes from domain/permissions (whose own table is
 * tested cell by cell in test/domain/permissions); this test proves the handlers honour it.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter } from '../../../types/model/matter'
import type { Member } from '../../../types/model/member'
import { can, type Action } from '../../../domain/permissions'
import { upcomingTalkDays } from '../../../domain/matters/rules'
import { shanghaiDate } from '../../../domain/shared/time'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, STRANGER, VILLAGE_A } from '../support/fixtures'

let backend: Backend
const DAY = 86400e3
const [D1, D2] = upcomingTalkDays(new Date(), [4, 14, 24], 2)
const FUTURE = '2099-12-31'
const TODAY = shanghaiDate(new Date())

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [storedMatter('merge-target', { status: 'accepted' })])
})
afterAll(() => backend.close())

const handling = {
  handlerId: CAST.resident2._id,
  handlerName: CAST.resident2.name,
  deadline: FUTURE,
  assignedAt: new Date(),
  reports: [],
}

interface Case {
  action: string
  permission: Action
  /** The matter the call acts on (none for creations and lists). */
  matter?: Partial<Matter>
  /** An agenda the case needs, holding the case's matter (or `ids`). */
  agenda?: { date: string; ids?: (id: string) => string[] }
  payload: (id: string) => Record<string, unknown>
  /** Acts on the caller's own village rather than on a matter of village A. */
  ownVillage?: boolean
}

const CASES: Case[] = [
  {
    action: 'raiseMatter',
    permission: 'raiseMatter',
    ownVillage: true,
    payload: (id) => ({ title: id, body: '内容' }),
  },
  {
    action: 'openTopic',
    permission: 'openTopic',
    ownVillage: true,
    payload: (id) => ({ title: id, body: '内容', urgent: true }),
  },
  {
    action: 'withdrawMatter',
    permission: 'withdrawMatter',
    matter: {},
    payload: (matterId) => ({ matterId }),
  },
  {
    action: 'acceptMatter',
    permission: 'acceptMatter',
    matter: {},
    payload: (matterId) => ({ matterId, urgent: true }),
  },
  {
    action: 'declineMatter',
    permission: 'declineMatter',
    matter: {},
    payload: (matterId) => ({ matterId, reason: '不属于村里的事' }),
  },
  {
    action: 'mergeMatter',
    permission: 'mergeMatter',
    matter: {},
    payload: (matterId) => ({ matterId, intoId: 'merge-target' }),
  },
  {
    action: 'startDiscussion',
    permission: 'startDiscussion',
    matter: { status: 'accepted', urgent: true },
    payload: (matterId) => ({ matterId }),
  },
  {
    action: 'recordDecision',
    permission: 'recordDecision',
    matter: { status: 'discussing' },
    payload: (matterId) => ({ matterId, decision: '同意' }),
  },
  {
    action: 'assignHandling',
    permission: 'assignHandling',
    matter: { status: 'decided' },
    payload: (matterId) => ({ matterId, handlerId: CAST.resident2._id, deadline: FUTURE }),
  },
  {
    action: 'reportProgress',
    permission: 'reportProgress',
    matter: { status: 'handling', handling },
    payload: (matterId) => ({ matterId, text: '进展' }),
  },
  {
    action: 'resolveMatter',
    permission: 'resolveMatter',
    matter: { status: 'handling', handling },
    payload: (matterId) => ({ matterId, outcome: '办好了' }),
  },
  {
    action: 'closeMatter',
    permission: 'closeMatter',
    matter: { status: 'resolved', handling, ratingEndsAt: new Date(Date.now() - DAY) },
    payload: (matterId) => ({ matterId }),
  },
  {
    action: 'rateMatter',
    permission: 'rateMatter',
    matter: { status: 'resolved', handling, ratingEndsAt: new Date(Date.now() + DAY) },
    payload: (matterId) => ({ matterId, score: 4 }),
  },
  {
    action: 'moveAgendaItem',
    permission: 'moveAgendaItem',
    matter: { status: 'accepted', talkDay: D1 },
    agenda: { date: D1 },
    payload: (matterId) => ({ matterId, talkDay: D2 }),
  },
  {
    action: 'recordMinutes',
    permission: 'recordMinutes',
    matter: { status: 'accepted', talkDay: TODAY },
    agenda: { date: TODAY },
    payload: (matterId) => ({ matterId, talkDay: TODAY, text: '纪要' }),
  },
  {
    action: 'reorderAgenda',
    permission: 'reorderAgenda',
    ownVillage: true,
    matter: { status: 'accepted' },
    agenda: { date: FUTURE, ids: (id) => [id, 'merge-target'] },
    payload: (matterId) => ({ talkDay: FUTURE, matterIds: ['merge-target', matterId] }),
  },
  {
    action: 'getMatter',
    permission: 'viewMatter',
    matter: {},
    payload: (matterId) => ({ matterId }),
  },
  { action: 'listMatters', permission: 'viewMatter', ownVillage: true, payload: () => ({}) },
]

const CALLERS: Array<[string, Member | null]> = [
  ...Object.entries(CAST).map(([name, m]) => [name, m] as [string, Member]),
  ['stranger', null],
]

function actorOf(m: Member | null) {
  return m && { memberId: m._id, villageId: m.villageId, roles: m.roles, status: m.status }
}

/** Everything in the database that concerns one case's matter. */
async function footprint(id: string, title: string) {
  const _ = backend.db.command
  const read = async (collection: string, where: object) =>
    (await backend.db.collection(collection).where(where).get()).data
  return {
    matter: await read(COLLECTION.matters, _.or([{ _id: id }, { title, villageId: VILLAGE_A }])),
    audit: await read(COLLECTION.auditLogs, { subjectId: id }),
    ratings: await read(COLLECTION.ratings, { matterId: id }),
    agendaSlots: await read(COLLECTION.agendaSlots, { matterId: id }),
  }
}

describe('matters permission matrix', () => {
  it.each(CASES.map((c) => [c.action, c]))('%s', async (_name, c) => {
    const results: string[] = []
    for (const [who, caller] of CALLERS) {
      const id = `${c.action}-${who}`
      const title = `t-${id}`
      if (c.matter) insert(backend, COLLECTION.matters, [storedMatter(id, c.matter)])
      if (c.agenda) {
        // The case's agenda holds just this case's matter (or `ids`).
        const { date, ids } = c.agenda
        const onIt = ids ? ids(id) : [id]
        await backend.db
          .collection(COLLECTION.agendaSlots)
          .where({ villageId: VILLAGE_A, date })
          .remove()
        for (const [i, matterId] of onIt.entries()) {
          await backend.db
            .collection(COLLECTION.agendaSlots)
            .doc(`${VILLAGE_A}_${date}_${i + 1}`)
            .set({
              villageId: VILLAGE_A,
              date,
              slot: i + 1,
              matterId,
              position: i + 1,
              placedAt: new Date(),
            })
        }
      }
      const payload = { ...c.payload(c.matter ? id : title) }
      if (!c.matter && 'title' in payload) payload.title = title
      const before = await footprint(id, title)
      // Acts without a matter (raise, open, list, reorder) act on the caller's own village.
      const villageId = c.ownVillage ? (caller?.villageId ?? '') : VILLAGE_A
      const subject = { villageId, ownerId: CAST.resident._id, handlerId: CAST.resident2._id }
      const allowed = can(actorOf(caller), c.permission, subject).allowed
      const elsewhere = villageId !== VILLAGE_A
      const res = await backend.call(
        caller?.openid ?? STRANGER,
        'matters',
        c.action as 'getMatter',
        payload,
      )
      results.push(`${who}:${res.ok ? 'ok' : res.error.code}`)
      if (allowed && elsewhere) {
        // Allowed in their own village, and village A's records stay untouched.
        expect({ who, after: await footprint(id, title) }).toEqual({ who, after: before })
      } else if (allowed) {
        expect({ who, res }).toEqual({ who, res: expect.objectContaining({ ok: true }) })
      } else {
        expect({ who, res }).toEqual({
          who,
          res: {
            ok: false,
            error: expect.objectContaining({
              code: expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/),
            }),
          },
        })
        expect({ who, after: await footprint(id, title) }).toEqual({ who, after: before })
      }
    }
    // Somebody may always do it, and a stranger never.
    expect(results.some((r) => r.endsWith(':ok'))).toBe(true)
    expect(results.at(-1)).toBe('stranger:UNAUTHENTICATED')
  })
})

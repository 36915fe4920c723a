/**
 * Every matters action × every kind of caller: one member per role in village A, a committee
 * member of village B, a pending applicant and a stranger. The expected table is written out here,
 * independently of domain/permissions. Each cell gets a fresh matter in the state the action needs;
 * a refused cell must leave the whole database exactly as it was, and an allowed cell that writes
 * must have written (its audit record, on the case's matter or the matter it created).
 * The emulator's clock is fixed, so the talk days below are known dates.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MattersApi } from '../../../types/api/matters'
import type { Matter } from '../../../types/model/matter'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  seedCast,
  storedMatter,
  STRANGER,
  VILLAGE_A,
  VILLAGE_A_VERIFIED,
  VILLAGE_B,
} from '../support/fixtures'
import { snapshot } from '../support/snapshot'

/** The fixed clock (Saturday 21 November 2026, 09:00 in Shanghai): next talk days the 24th, 4 December. */
const NOW = TEST_NOW
const D1 = '2026-11-24'
const D2 = '2026-12-04'
/** Today on the fixed clock: minutes are recorded from a matter's talk day on. */
const TODAY = '2026-11-21'
const FUTURE = '2099-12-31'
const DAY = 86400e3

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [storedMatter('merge-target', { status: 'accepted' })])
})
afterAll(() => backend.close())

type Caller = keyof typeof CAST | 'stranger'
const CALLERS: Caller[] = [...(Object.keys(CAST) as Array<keyof typeof CAST>), 'stranger']
const openidOf = (c: Caller) => (c === 'stranger' ? STRANGER : CAST[c].openid)
const villageOf = (c: Caller) => (c === 'otherCommittee' ? VILLAGE_B : VILLAGE_A)

type ActionName = keyof MattersApi

/**
 * Who may, on a matter of village A raised by CAST.resident and handled by CAST.resident2. The
 * acts without a matter (raise, open, list, reorder) act on the caller's own village, so another
 * village's committee may take them there.
 */
const ALLOWED: Record<ActionName, readonly Caller[]> = {
  raiseMatter: [...VILLAGE_A_VERIFIED, 'otherCommittee'],
  openTopic: ['committee', 'otherCommittee'],
  withdrawMatter: ['resident'],
  acceptMatter: ['committee'],
  declineMatter: ['committee'],
  mergeMatter: ['committee'],
  changeCategory: ['committee'],
  recordProcedureStep: ['committee'],
  startDiscussion: ['committee', 'moderator'],
  recordDecision: ['committee'],
  assignHandling: ['committee'],
  reportProgress: ['resident2', 'committee'],
  resolveMatter: ['resident2', 'committee'],
  closeMatter: ['moderator'],
  rateMatter: VILLAGE_A_VERIFIED,
  moveAgendaItem: ['committee'],
  reorderAgenda: ['committee', 'otherCommittee'],
  recordMinutes: ['moderator'],
  getMatter: VILLAGE_A_VERIFIED,
  // 首页: anyone (a caller who is not a verified member sees only their own request state)
  getHome: CALLERS,
  listTimeline: VILLAGE_A_VERIFIED,
  listMatters: [...VILLAGE_A_VERIFIED, 'otherCommittee'],
}

/** Allowed calls that only read. */
const READS: ActionName[] = ['getMatter', 'getHome', 'listTimeline', 'listMatters']

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN'

function expected(action: ActionName, caller: Caller): Outcome {
  // Village B has no agenda on that day: allowed there, but there is nothing to reorder.
  if (action === 'reorderAgenda' && caller === 'otherCommittee') return 'NOT_FOUND'
  if (ALLOWED[action].includes(caller)) return 'ok'
  if (caller === 'pending' || caller === 'stranger') return 'UNAUTHENTICATED'
  // A matter of village A reads, to another village's member, as one that does not exist.
  return caller === 'otherCommittee' ? 'NOT_FOUND' : 'FORBIDDEN'
}

const handling = {
  handlerId: CAST.resident2._id,
  handlerName: CAST.resident2.name,
  deadline: FUTURE,
  assignedAt: new Date(NOW.getTime() - 2 * DAY),
  reports: [],
}

interface Arranged {
  payload: Record<string, unknown>
  /** The case's matter, stored before the call. */
  matter?: Partial<Matter>
  /**
   * An agenda of village A holding these matters on `date`, in this order, stored before the call
   * as its slots `<villageId>_<date>_<n>`.
   */
  agenda?: { date: string; matterIds: string[] }
}

function arrange(action: ActionName, id: string): Arranged {
  switch (action) {
    case 'raiseMatter':
      return { payload: { title: `t-${id}`, body: '内容' } }
    case 'openTopic':
      return { payload: { title: `t-${id}`, body: '内容', urgent: true, category: 'environment' } }
    case 'listMatters':
    case 'getHome':
      return { payload: {} }
    case 'withdrawMatter':
    case 'getMatter':
    case 'listTimeline':
      return { matter: {}, payload: { matterId: id } }
    case 'acceptMatter':
      return { matter: {}, payload: { matterId: id, urgent: true, category: 'roadsUtilities' } }
    case 'changeCategory':
      return {
        matter: { status: 'accepted', category: 'other' },
        payload: { matterId: id, category: 'publicWelfare' },
      }
    case 'recordProcedureStep':
      return {
        matter: { status: 'discussing', category: 'homestead' },
        payload: {
          matterId: id,
          step: 'proposal',
          date: TODAY,
          expected: 7,
          present: 6,
          result: '同意提交两委会商议',
          note: '',
        },
      }
    case 'declineMatter':
      return { matter: {}, payload: { matterId: id, reason: '不属于村里的事' } }
    case 'mergeMatter':
      return { matter: {}, payload: { matterId: id, intoId: 'merge-target' } }
    case 'startDiscussion':
      return { matter: { status: 'accepted', urgent: true }, payload: { matterId: id } }
    case 'recordDecision':
      return { matter: { status: 'discussing' }, payload: { matterId: id, decision: '同意' } }
    case 'assignHandling':
      return {
        matter: { status: 'decided' },
        payload: { matterId: id, handlerId: CAST.resident2._id, deadline: FUTURE },
      }
    case 'reportProgress':
      return { matter: { status: 'handling', handling }, payload: { matterId: id, text: '进展' } }
    case 'resolveMatter':
      return {
        matter: { status: 'handling', handling },
        payload: { matterId: id, outcome: '办好了' },
      }
    case 'closeMatter':
      return {
        matter: { status: 'resolved', handling, ratingEndsAt: new Date(NOW.getTime() - DAY) },
        payload: { matterId: id },
      }
    case 'rateMatter':
      return {
        matter: { status: 'resolved', handling, ratingEndsAt: new Date(NOW.getTime() + DAY) },
        payload: { matterId: id, score: 4 },
      }
    case 'moveAgendaItem':
      return {
        matter: { status: 'accepted', talkDay: D1 },
        agenda: { date: D1, matterIds: [id] },
        payload: { matterId: id, talkDay: D2 },
      }
    case 'recordMinutes':
      return {
        matter: { status: 'accepted', talkDay: TODAY },
        agenda: { date: TODAY, matterIds: [id] },
        payload: { matterId: id, talkDay: TODAY, text: '纪要' },
      }
    case 'reorderAgenda':
      return {
        matter: { status: 'accepted', talkDay: FUTURE },
        agenda: { date: FUTURE, matterIds: [id, 'merge-target'] },
        payload: { talkDay: FUTURE, matterIds: ['merge-target', id] },
      }
  }
}

const MATRIX = (Object.keys(ALLOWED) as ActionName[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, expected(action, caller)] as const),
)

describe('matters permission matrix', () => {
  it('covers every action of the function', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(
      [
        'acceptMatter',
        'assignHandling',
        'changeCategory',
        'closeMatter',
        'declineMatter',
        'getHome',
        'getMatter',
        'listMatters',
        'listTimeline',
        'mergeMatter',
        'moveAgendaItem',
        'openTopic',
        'raiseMatter',
        'rateMatter',
        'recordDecision',
        'recordMinutes',
        'recordProcedureStep',
        'reorderAgenda',
        'reportProgress',
        'resolveMatter',
        'startDiscussion',
        'withdrawMatter',
      ].sort(),
    )
  })

  it.each(MATRIX)('%s by %s → %s', async (action, caller, outcome) => {
    const id = `${action}-${caller}`
    const { payload, matter, agenda } = arrange(action, id)
    if (matter) insert(backend, COLLECTION.matters, [storedMatter(id, matter)])
    if (agenda) {
      for (const [i, matterId] of agenda.matterIds.entries()) {
        await backend.db
          .collection(COLLECTION.agendaSlots)
          .doc(`${VILLAGE_A}_${agenda.date}_${i + 1}`)
          .set({
            villageId: VILLAGE_A,
            date: agenda.date,
            slot: i + 1,
            matterId,
            position: i + 1,
            placedAt: NOW,
          })
      }
    }
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(caller), 'matters', action, payload as never)

    if (outcome !== 'ok') {
      expect(res).toEqual({
        ok: false,
        error: { code: outcome, message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      })
      expect(await snapshot(backend)).toEqual(before)
      return
    }
    expect(res).toEqual({ ok: true, data: expect.anything() })
    const after = await snapshot(backend)
    if (READS.includes(action)) {
      expect(after).toEqual(before)
      return
    }
    // It wrote: the act's audit record, on the case's matter or on the one it created.
    const created = (after[COLLECTION.matters] ?? []).find((m) => m.title === `t-${id}`)
    const subjectId = matter ? id : created?._id
    if (action !== 'reorderAgenda') {
      expect(created?.villageId ?? VILLAGE_A).toBe(villageOf(caller))
      const records = (after[COLLECTION.auditLogs] ?? []).filter(
        (r) => r.subjectId === subjectId && r.action === action,
      )
      expect({ action, records: records.length }).toEqual({ action, records: 1 })
    } else {
      const saved = (after[COLLECTION.agendaSlots] ?? []).filter((a) => a.date === FUTURE)
      expect(saved.map(({ _id, matterId, position }) => ({ _id, matterId, position }))).toEqual(
        expect.arrayContaining([
          { _id: `${VILLAGE_A}_${FUTURE}_1`, matterId: id, position: 2 },
          { _id: `${VILLAGE_A}_${FUTURE}_2`, matterId: 'merge-target', position: 1 },
        ]),
      )
      expect(saved).toHaveLength(2)
    }
    expect(after).not.toEqual(before)
  })
})

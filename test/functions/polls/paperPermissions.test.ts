/**
 * The polls permission matrix for paper, 代投 and 送达: every action × every kind of caller, the
 * expected table written out here by hand (not read from domain/permissions). Each cell gets a
 * fresh village and poll; on every refusal nothing at all is written, and every allowed write
 * writes.
 */
import type { ActionName } from '../../../types/api'
import type { Member } from '../../../types/model/member'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { insert, member, STRANGER } from '../support/fixtures'
import { openedPoll, pollVillage } from '../support/pollFixtures'
import { ok, paperVillage, type PaperVillage } from '../support/paperFixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
let otherCommittee: Member

beforeAll(async () => {
  backend = await startBackend()
  otherCommittee = pollVillage(backend, 'pm-other', { n: 1 }).committee
})
afterAll(() => backend.close())

/**
 * committee: a committee member; household: a voter of p1's household (linked to p2); voter: a
 * voter of another household; moderator and resident: on no household of the register;
 * otherCommittee: the committee of another village; pending: an applicant; stranger: no member.
 */
const CALLERS = [
  'committee',
  'household',
  'voter',
  'moderator',
  'resident',
  'otherCommittee',
  'pending',
  'stranger',
] as const
type Caller = (typeof CALLERS)[number]

type Action =
  | 'markPaperVoter'
  | 'enterPaperCounts'
  | 'confirmPaperCounts'
  | 'enterPaperBallot'
  | 'confirmPaperBallot'
  | 'castProxyBallot'
  | 'reachReport'

const ALLOWED: Record<Action, readonly Caller[]> = {
  markPaperVoter: ['committee'],
  enterPaperCounts: ['committee'],
  confirmPaperCounts: ['committee'],
  enterPaperBallot: ['committee'],
  confirmPaperBallot: ['committee'],
  castProxyBallot: ['committee', 'household'],
  reachReport: ['committee'],
}

function expectedRefusal(caller: Caller): 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' {
  if (caller === 'pending' || caller === 'stranger') return 'UNAUTHENTICATED'
  return caller === 'otherCommittee' ? 'NOT_FOUND' : 'FORBIDDEN'
}

function openidOf(v: PaperVillage, caller: Caller, pending: Member): string {
  switch (caller) {
    case 'committee':
      return v.committee.openid
    case 'household':
      return v.voters[1].openid
    case 'voter':
      return v.voters[2].openid
    case 'moderator':
      return v.moderator.openid
    case 'resident':
      return v.resident.openid
    case 'otherCommittee':
      return otherCommittee.openid
    case 'pending':
      return pending.openid
    case 'stranger':
      return STRANGER
  }
}

const polls = <A extends ActionName<'polls'>>(o: string, a: A, p: Record<string, unknown>) =>
  ok(backend.call(o, 'polls', a, p))

/** A fresh poll for one cell, prepared by the second committee member, and the call's payload. */
async function arrange(v: PaperVillage, action: Action): Promise<Record<string, unknown>> {
  const open = action === 'enterPaperBallot' || action === 'confirmPaperBallot'
  const pollId = await openedPoll(backend, v, { secret: !open })
  const p1 = v.persons[0]._id
  const by = v.committee2.openid
  const box = [{ choice: 'yes', count: 1 }]
  switch (action) {
    case 'markPaperVoter':
      return { pollId, personId: p1 }
    case 'enterPaperCounts':
      await polls(by, 'markPaperVoter', { pollId, personId: p1 })
      return { pollId, counts: box }
    case 'confirmPaperCounts':
      await polls(by, 'markPaperVoter', { pollId, personId: p1 })
      await polls(by, 'enterPaperCounts', { pollId, counts: box })
      return { pollId, counts: box }
    case 'enterPaperBallot':
      return { pollId, personId: p1, choice: 'yes' }
    case 'confirmPaperBallot':
      await polls(by, 'enterPaperBallot', { pollId, personId: p1, choice: 'yes' })
      return { pollId, personId: p1, choice: 'yes' }
    case 'castProxyBallot':
      return { pollId, personId: p1, choice: 'yes', consent: 'inPerson' }
    case 'reachReport':
      return { pollId }
  }
}

const MATRIX = (Object.keys(ALLOWED) as Action[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, ALLOWED[action].includes(caller)] as const),
)

describe('polls permission matrix: paper, 代投, 送达', () => {
  it.each(MATRIX)('%s by %s → allowed: %s', async (action, caller, allowed) => {
    const v = paperVillage(backend, `pm-${action}-${caller}`, { n: 4 })
    const pending = member(`pm-${action}-${caller}-pen`, v.id, ['resident'], {
      status: 'pending',
    })
    insert(backend, COLLECTION.members, [pending])
    const payload = await arrange(v, action)
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(v, caller, pending), 'polls', action, payload)
    if (allowed) {
      expect(res).toEqual({ ok: true, data: expect.anything() })
      if (action !== 'reachReport') expect(await snapshot(backend)).not.toEqual(before)
    } else {
      expect(res).toEqual({
        ok: false,
        error: { code: expectedRefusal(caller), message: expect.any(String) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })
})

/**
 * THE SECRECY TEST (issue #10, point 9). Around a secret poll with cast ballots, every action of
 * every function in `types/api` — the list taken from the functions' own handler tables and held
 * equal to the `Api` type's keys at compile time, not picked by hand — is called by the committee,
 * a moderator, a voting resident and a resident with no vote, while the poll is open and again
 * after it is counted (the scheduler too). No response may link a person to a choice: none holds
 * both someone's identity and their choice (or ballot id), and no two records — of any responses,
 * the matter's timeline, and the stored audit records, turnout and ballots — share a value that
 * belongs to one voter alone and sits beside that voter's identity in one and their choice in the
 * other. Each voter casts a choice nobody else casts, at a time of their own.
 */
import type { Api, FunctionName } from '../../../types/api'
import type { Handlers } from '../../../cloudfunctions/_shared/handler'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { HANDLERS as discussion } from '../../../cloudfunctions/discussion/index'
import { HANDLERS as matters } from '../../../cloudfunctions/matters/index'
import { HANDLERS as mediation } from '../../../cloudfunctions/mediation/index'
import { HANDLERS as notifications } from '../../../cloudfunctions/notifications/index'
import { HANDLERS as polls } from '../../../cloudfunctions/polls/index'
import { HANDLERS as township } from '../../../cloudfunctions/township/index'
import { HANDLERS as village } from '../../../cloudfunctions/village/index'
import { HANDLERS as whistles } from '../../../cloudfunctions/whistles/index'
import { functionNames } from '../../../scripts/build-functions'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from '../support/backend'
import {
  expectedBallotId,
  openedPoll,
  pollVillage,
  type PollVillage,
} from '../support/pollFixtures'

/** Every function of the contract and its handler table: a missing or extra function does not compile. */
const FUNCTIONS: { [F in FunctionName]: Handlers<Api[F]> } = {
  village,
  matters,
  discussion,
  polls,
  notifications,
  mediation,
  township,
  whistles,
}
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const FUNCTIONS_ARE_THE_API: Same<keyof typeof FUNCTIONS, keyof Api> = true

interface Ctx {
  matterId: string
  pollId: string
  memberId: string
  /** The caller's own choice, cast again (so every voter's choice stays theirs alone). */
  choice: string[]
}
type Payloads = {
  [F in FunctionName]: { [A in keyof Api[F]]: (c: Ctx) => Record<string, unknown> }
}

/** A payload for every action (the type demands one for each; a new action will not compile). */
const PAYLOADS: Payloads = {
  village: {
    whoami: () => ({}),
    requestJoin: () => ({ villageId: 'v-sec', name: '新人', householdNo: '001', phone: '' }),
    claimVillage: () => ({ code: 'ABCD-EFGH-JKLM', name: '新人', householdNo: '001', phone: '' }),
    getMe: () => ({}),
    listVillages: () => ({}),
    // undone at once (undoLeave) so the caller stays for the other calls
    leaveVillage: () => ({}),
    approveMember: (c) => ({ memberId: c.memberId }),
    declineMember: (c) => ({ memberId: c.memberId, reason: '不对' }),
    assignRoles: (c) => ({ memberId: c.memberId, roles: ['resident'] }),
    listMembers: () => ({ limit: 50 }),
    importHouseholds: () => ({ csv: '' }),
    getVillage: () => ({}),
    updateVillage: () => ({}),
    listPersons: () => ({ limit: 50 }),
    linkPerson: (c) => ({ memberId: c.memberId, personId: 'no-such-person' }),
    unlinkPerson: (c) => ({ memberId: c.memberId }),
    setRepresentative: () => ({ personId: 'no-such-person', representative: true }),
    setHouseholdVoter: () => ({ householdId: 'no-such-household', personId: 'no-such-person' }),
  },
  matters: {
    raiseMatter: () => ({ title: '一件事', body: '内容', photos: [] }),
    openTopic: () => ({
      title: '一个议题',
      body: '内容',
      photos: [],
      urgent: false,
      category: 'roadsUtilities',
    }),
    withdrawMatter: (c) => ({ matterId: c.matterId }),
    acceptMatter: (c) => ({ matterId: c.matterId, urgent: false, category: 'roadsUtilities' }),
    declineMatter: (c) => ({ matterId: c.matterId, reason: '理由' }),
    mergeMatter: (c) => ({ matterId: c.matterId, intoId: 'no-such-matter' }),
    changeCategory: (c) => ({ matterId: c.matterId, category: 'environment' }),
    recordProcedureStep: (c) => ({
      matterId: c.matterId,
      step: 'proposal',
      date: '2026-11-20',
      expected: 7,
      present: 6,
      result: '同意提交',
      note: '',
    }),
    startDiscussion: (c) => ({ matterId: c.matterId }),
    recordDecision: (c) => ({ matterId: c.matterId, decision: '同意' }),
    assignHandling: (c) => ({
      matterId: c.matterId,
      handlerId: c.memberId,
      deadline: '2027-01-01',
    }),
    reportProgress: (c) => ({ matterId: c.matterId, text: '进展', photos: [] }),
    resolveMatter: (c) => ({ matterId: c.matterId, outcome: '办好了' }),
    closeMatter: (c) => ({ matterId: c.matterId }),
    rateMatter: (c) => ({ matterId: c.matterId, score: 5, comment: '' }),
    moveAgendaItem: (c) => ({ matterId: c.matterId, talkDay: '2026-12-04' }),
    reorderAgenda: () => ({ talkDay: '2026-11-24', matterIds: [] }),
    recordMinutes: (c) => ({ matterId: c.matterId, talkDay: '2026-11-14', text: '纪要' }),
    getMatter: (c) => ({ matterId: c.matterId }),
    getHome: () => ({}),
    listTimeline: (c) => ({ matterId: c.matterId, limit: 50 }),
    listMatters: () => ({ limit: 50 }),
    getConsole: () => ({}),
    getRunSheet: () => ({}),
  },
  discussion: {
    postStatement: (c) => ({ matterId: c.matterId, text: '我说两句。' }),
    editStatement: () => ({ statementId: 'no-such-statement', text: '改' }),
    deleteStatement: () => ({ statementId: 'no-such-statement' }),
    reportStatement: () => ({ statementId: 'no-such-statement', reason: '骂人' }),
    hideStatement: () => ({ statementId: 'no-such-statement', reason: '骂人' }),
    restoreStatement: () => ({ statementId: 'no-such-statement', reason: '没问题' }),
    listStatements: (c) => ({ matterId: c.matterId }),
    listModerationQueue: () => ({ limit: 50 }),
  },
  polls: {
    draftPoll: (c) => ({
      matterId: c.matterId,
      question: '再投一次？',
      kind: 'yesNo',
      options: [],
      body: 'consult',
    }),
    updateDraft: (c) => ({
      pollId: c.pollId,
      question: '改',
      kind: 'yesNo',
      options: [],
      body: 'consult',
    }),
    openPoll: (c) => ({ pollId: c.pollId }),
    castBallot: (c) => ({ pollId: c.pollId, choice: c.choice }),
    getPoll: (c) => ({ pollId: c.pollId }),
    listPolls: (c) => ({ matterId: c.matterId }),
    listVoters: (c) => ({ pollId: c.pollId }),
    closePoll: (c) => ({ pollId: c.pollId }),
    exportBallots: (c) => ({ pollId: c.pollId }),
    // paper and 代投: on a person outside the electorate, or one who voted online (refused, so
    // the export still holds every choice); the answers are searched all the same
    markPaperVoter: (c) => ({ pollId: c.pollId, personId: 'no-such-person' }),
    enterPaperCounts: (c) => ({ pollId: c.pollId, counts: [{ choice: c.choice, count: 1 }] }),
    confirmPaperCounts: (c) => ({ pollId: c.pollId, counts: [{ choice: c.choice, count: 1 }] }),
    enterPaperBallot: (c) => ({ pollId: c.pollId, personId: 'sec-p2', choice: c.choice }),
    confirmPaperBallot: (c) => ({ pollId: c.pollId, personId: 'sec-p2', choice: c.choice }),
    castProxyBallot: (c) => ({
      pollId: c.pollId,
      personId: 'sec-p2',
      choice: c.choice,
      consent: 'phone',
    }),
    reachReport: (c) => ({ pollId: c.pollId }),
    listMyVotes: () => ({ limit: 50 }),
  },
  notifications: {
    subscribe: (c) => ({ topic: 'pollResult', subjectId: c.pollId, templateIds: ['tmpl-result'] }),
  },
  // 调解: none of the callers is a legal officer, and the poll's matter has no case
  mediation: {
    listPartyChoices: (c) => ({ matterId: c.matterId }),
    openMediation: (c) => ({ matterId: c.matterId, partyIds: [c.memberId, 'no-such-member'] }),
    getMediation: (c) => ({ matterId: c.matterId }),
    listMediations: () => ({}),
    recordMeeting: (c) => ({
      caseId: c.matterId,
      at: '2026-11-20T09:00:00+08:00',
      place: '村委会',
      notes: '记录',
    }),
    proposeAgreement: (c) => ({ caseId: c.matterId, text: '协议' }),
    confirmAgreement: (c) => ({ caseId: c.matterId, proposedAt: '2026-11-20T09:00:00+08:00' }),
    recordFailure: (c) => ({ caseId: c.matterId, note: '' }),
    referToLegalAid: (c) => ({ caseId: c.matterId, to: '区法律援助中心', note: '' }),
  },
  // the poll's village belongs to no township: the committee is told so, the others refused
  township: {
    claimStaff: () => ({ code: 'ABCD-EFGH-JKLM' }),
    myStaff: () => ({}),
    raiseNeed: (c) => ({
      category: 'elderly',
      description: '老人助餐',
      place: '村委会',
      when: '每周六上午',
      peopleAffected: 12,
      matterId: c.matterId,
    }),
    offerService: () => ({
      providerKind: 'organisation',
      providerName: '社工站',
      category: 'elderly',
      what: '助餐',
      capacity: '20 人',
      area: '全镇',
      time: '周六',
    }),
    listNeeds: () => ({}),
    listServices: () => ({}),
    claimNeed: () => ({ needId: 'no-such-need', serviceId: 'no-such-service' }),
    claimService: () => ({ needId: 'no-such-need', serviceId: 'no-such-service' }),
    assignPair: () => ({ needId: 'no-such-need', serviceId: 'no-such-service' }),
    confirmClaim: () => ({ needId: 'no-such-need' }),
    declineClaim: () => ({ needId: 'no-such-need', reason: '不合适' }),
    withdrawClaim: () => ({ kind: 'need', id: 'no-such-need' }),
    withdrawListing: () => ({ kind: 'service', id: 'no-such-service' }),
    listLedger: () => ({}),
    addLedgerProgress: () => ({ entryId: 'no-such-entry', text: '进展' }),
    completeLedgerEntry: () => ({ entryId: 'no-such-entry' }),
    rateLedgerEntry: () => ({ entryId: 'no-such-entry', score: 5, comment: '' }),
    exportLedger: () => ({ month: '2026-11' }),
    getDashboard: () => ({ unit: 'village' }),
  },
  // the poll's village belongs to no township: blowing is refused; the staff acts find no whistle
  whistles: {
    whistleOptions: () => ({}),
    blowWhistle: (c) => ({
      matterId: c.matterId,
      departmentId: 'no-such-department',
      tier: 'danger',
      note: '',
    }),
    listWhistles: () => ({}),
    matterWhistles: (c) => ({ matterId: c.matterId }),
    acknowledgeWhistle: () => ({ whistleId: 'no-such-whistle' }),
    reportWhistleProgress: () => ({ whistleId: 'no-such-whistle', text: '进展' }),
    resolveWhistle: () => ({ whistleId: 'no-such-whistle', text: '办好了' }),
    returnWhistle: () => ({ whistleId: 'no-such-whistle', reason: '不归我们' }),
  },
}

/** Each voter's choice, cast by no one else (persons sec-p1 … sec-p6). */
const MARKERS = ['o1+o2', 'o1+o3', 'o2+o3', 'o1+o2+o3', 'o1+o4', 'o2+o4']

let backend: Backend
let v: PollVillage
let pollId = ''

interface Voter {
  personId: string
  identifiers: string[]
  marker: string
  ballotId: string
  /** The OPENID whose own answers may show this voter's own choice (as `myChoice`). */
  openid: string
}
let voters: Voter[] = []

/** Who calls: the committee and the moderator (both voters), a voting resident, a resident without a vote. */
const callers = () => [v.committee, v.moderator, v.voters[0], v.resident]

/** Everything answered, with who asked. */
const answers: Array<{ openid: string; what: string; body: unknown }> = []

/** Puts a member who left back as they were (their member document and their person's link). */
async function undoLeave(memberId: string): Promise<() => Promise<void>> {
  const members = backend.db.collection(COLLECTION.members)
  const persons = backend.db.collection(COLLECTION.persons)
  const { data } = await members.doc(memberId).get()
  const { _id, ...member } = data[0] as { _id: string; personId?: string }
  const person = member.personId ? (await persons.doc(member.personId).get()).data[0] : undefined
  return async () => {
    await members.doc(_id).set(member)
    if (person) {
      const { _id: personId, ...rest } = person as { _id: string }
      await persons.doc(personId).set(rest)
    }
  }
}

async function callEverything(phase: string): Promise<void> {
  for (const who of callers()) {
    const own = voters.find((voter) => voter.openid === who.openid)
    const c: Ctx = {
      matterId: v.matterId,
      pollId,
      memberId: v.voters[1]._id,
      choice: (own?.marker ?? 'o4').split('+'),
    }
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      const table = PAYLOADS[fn] as Record<string, (c: Ctx) => Record<string, unknown>>
      for (const action of Object.keys(FUNCTIONS[fn])) {
        const undo = action === 'leaveVillage' ? await undoLeave(who._id) : undefined
        const body = await backend.call(who.openid, fn, action as never, table[action](c))
        await undo?.()
        answers.push({ openid: who.openid, what: `${phase} ${fn}.${action}`, body })
      }
    }
    const body = await backend.emulator.invoke('scheduler', {}, who.openid)
    answers.push({ openid: who.openid, what: `${phase} scheduler`, body })
  }
}

beforeAll(async () => {
  backend = await startBackend()
  v = pollVillage(backend, 'sec', { n: 6, linked: 4 })
  // the committee member and the moderator vote too: linked to persons 5 and 6
  for (const [m, p] of [
    [v.committee, 'sec-p5'],
    [v.moderator, 'sec-p6'],
  ] as const) {
    await backend.db.collection(COLLECTION.members).doc(m._id).update({ personId: p })
  }
  pollId = await openedPoll(backend, v, {
    kind: 'choice',
    question: '村里的钱先用在哪里？',
    options: ['修路', '路灯', '健身器材', '垃圾站'],
    maxSelections: 3,
    body: 'consult',
  })
  const accounts = [...v.voters, v.committee, v.moderator]
  voters = accounts.map((m, i) => {
    const personId = `sec-p${i + 1}`
    const person = v.persons[i]
    return {
      personId,
      identifiers: [personId, person.name, m._id, m.name, m.openid],
      marker: MARKERS[i],
      ballotId: expectedBallotId(pollId, personId),
      openid: m.openid,
    }
  })
  // each voter casts at a time of their own
  for (const [i, m] of accounts.entries()) {
    backend.emulator.clock.set(TEST_NOW.getTime() + (i + 1) * 61_000)
    const res = await backend.call(m.openid, 'polls', 'castBallot', {
      pollId,
      choice: MARKERS[i].split('+'),
    })
    if (!res.ok) throw new Error(JSON.stringify(res))
  }
  await callEverything('open')
  // counted by the scheduler at its time, then everything again
  backend.emulator.clock.set(new Date('2026-11-24T20:59:00+08:00'))
  await backend.emulator.clock.advance(120_000)
  const { data } = await backend.db.collection(COLLECTION.polls).doc(pollId).get()
  if (data[0].status !== 'closed') throw new Error('the poll was not counted')
  await callEverything('closed')
}, 240_000)
afterAll(() => backend.close())

/** A response as the caller sees it, minus the caller's own choice (which they may see). */
function shown(a: { openid: string; body: unknown }): string {
  let text = JSON.stringify(a.body)
  for (const voter of voters) {
    if (voter.openid === a.openid)
      text = text.split(`"myChoice":"${voter.marker}"`).join('"myChoice":null')
  }
  return text
}

/** The records of a value: each object's own scalar fields, and each line of a CSV text. */
function records(x: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(x) || (x && typeof x === 'object')) {
    const own: string[] = []
    for (const value of Object.values(x as object)) {
      if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
        records(value, out)
      } else if (typeof value === 'string' && /[\n,]/.test(value)) {
        for (const line of value.split(/\r?\n/)) if (line) out.push(line.split(','))
        own.push(value)
      } else {
        own.push(value instanceof Date ? value.toISOString() : String(value))
      }
    }
    out.push(own)
  }
  return out
}

const holds = (rec: string[], needle: string) => rec.some((t) => t.includes(needle))

describe('secrecy of a secret poll', () => {
  it('the functions enumerated are every function of types/api (and the scheduler)', () => {
    expect(FUNCTIONS_ARE_THE_API).toBe(true)
    expect(functionNames().sort()).toEqual([...Object.keys(FUNCTIONS), 'scheduler'].sort())
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      expect(Object.keys(PAYLOADS[fn]).sort()).toEqual(Object.keys(FUNCTIONS[fn]).sort())
    }
    // every action was called by each of the four callers, in both phases
    const actions = Object.values(FUNCTIONS).reduce((n, t) => n + Object.keys(t).length, 1)
    expect(answers).toHaveLength(actions * 4 * 2)
    // and the calls did reach the poll: the export after close holds every choice
    const exported = answers.filter((a) => a.what === 'closed polls.exportBallots')
    for (const voter of voters) {
      expect(JSON.stringify(exported[0].body)).toContain(`${voter.ballotId},${voter.marker}`)
    }
  })

  it('no answer carries the ballot secret', () => {
    expect(answers.filter((a) => JSON.stringify(a.body).includes(TEST_BALLOT_SECRET))).toEqual([])
  })

  it('no response holds both a person’s identity and their choice or ballot id', () => {
    const links: string[] = []
    for (const a of answers) {
      const text = shown(a)
      for (const voter of voters) {
        const who = voter.identifiers.find((id) => text.includes(id))
        const what = [voter.marker, voter.ballotId].find((m) => text.includes(m))
        if (who && what) links.push(`${a.what} (asked by ${a.openid}): ${who} ↔ ${what}`)
      }
    }
    expect(links).toEqual([])
  })

  it('no two records — responses, timeline, stored audit, turnout, ballots — join a person to a choice', async () => {
    const stored = await Promise.all(
      [COLLECTION.auditLogs, COLLECTION.pollVoters, COLLECTION.ballots, COLLECTION.polls].map((c) =>
        backend.all(c),
      ),
    )
    const all: string[][] = []
    for (const a of answers) records(JSON.parse(shown(a)) as unknown, all)
    for (const docs of stored) records(docs, all)
    const idRecords = (voter: Voter) =>
      all.filter((rec) => voter.identifiers.some((id) => holds(rec, id)))
    const links: string[] = []
    for (const voter of voters) {
      const mine = idRecords(voter)
      const others = new Set(voters.filter((w) => w !== voter).flatMap((w) => idRecords(w).flat()))
      // values beside this voter's identity and beside no other voter's
      const own = new Set(mine.flat().filter((t) => !others.has(t)))
      const withChoice = all.filter((rec) => holds(rec, voter.marker) || holds(rec, voter.ballotId))
      for (const rec of withChoice) {
        const shared = rec.filter((t) => own.has(t))
        if (shared.length) links.push(`${voter.personId}: ${shared.join(' ')} in ${rec.join('|')}`)
      }
    }
    expect(links).toEqual([])
  })

  it('the audit of every cast names the voter and nothing of the ballot', async () => {
    const casts = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'castBallot' && a.subjectId === pollId,
    )
    // six casts, and the committee's second one during the calls
    expect(casts.length).toBeGreaterThanOrEqual(6)
    for (const a of casts) {
      expect(Object.keys(a).sort()).toEqual(
        [
          '_id',
          'action',
          'actorId',
          'actorName',
          'at',
          'subjectId',
          'subjectType',
          'villageId',
        ].sort(),
      )
    }
  })
})

/**
 * Every refusal of the mediation function answers a stable code and a plain Chinese message, and
 * writes nothing: the whole database is the same before and after (snapshot()).
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, STRANGER, VILLAGE_A } from '../support/fixtures'
import { CHINESE, snapshot } from '../support/snapshot'
import {
  disputeMatter,
  OFFICER_B,
  proposedCase,
  PROPOSED_AT,
  RESIDENT_B,
  seedCase,
  seedMediationCast,
  storedCase,
} from '../support/mediationFixtures'

let backend: Backend
const officer = CAST.legalOfficer.openid
const parties = [CAST.resident._id, CAST.representative._id]

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  seedMediationCast(backend)
  insert(backend, COLLECTION.members, [member('left', VILLAGE_A, ['resident'], { status: 'left' })])
  insert(backend, COLLECTION.matters, [
    disputeMatter('m-free'),
    disputeMatter('m-closed', { status: 'closed' }),
    disputeMatter('m-declined', { status: 'declined' }),
  ])
  seedCase(backend, storedCase('m-taken'))
  seedCase(backend, proposedCase('m-proposed'))
  seedCase(
    backend,
    proposedCase('m-agreed', {
      status: 'agreed',
      closedOn: '2026-11-20',
      agreement: {
        text: '协议',
        proposedAt: PROPOSED_AT,
        confirmations: { res: PROPOSED_AT, rep: PROPOSED_AT },
      },
    }),
  )
  seedCase(backend, storedCase('m-failed', { status: 'failed', closedOn: '2026-11-20' }))
  seedCase(
    backend,
    storedCase('m-referred', {
      status: 'referred',
      closedOn: '2026-11-20',
      referral: { to: '区法律援助中心', at: PROPOSED_AT, note: '' },
    }),
  )
})
afterAll(() => backend.close())

const open = (openid: string | undefined, payload: Record<string, unknown>) =>
  backend.call(openid, 'mediation', 'openMediation', payload)
const act = (openid: string, action: string, payload: Record<string, unknown>) =>
  backend.call(openid, 'mediation', action as never, payload)
const confirm = (openid: string, caseId: string, proposedAt = PROPOSED_AT.toISOString()) =>
  act(openid, 'confirmAgreement', { caseId, proposedAt })

type Call = () => Promise<Envelope<unknown>>

const CASES: Array<[string, Call, string, string | RegExp]> = [
  [
    'a stranger opens a case',
    () => open(STRANGER, { matterId: 'm-free', partyIds: parties }),
    'UNAUTHENTICATED',
    '您还不是本村的认证村民，请先申请加入，等村委会审核通过。',
  ],
  [
    'an anonymous caller opens a case',
    () => open(undefined, { matterId: 'm-free', partyIds: parties }),
    'UNAUTHENTICATED',
    /认证村民/,
  ],
  [
    'a resident opens a case',
    () => open(CAST.resident.openid, { matterId: 'm-free', partyIds: parties }),
    'FORBIDDEN',
    '您没有权限做这件事。',
  ],
  [
    'the committee opens a case',
    () => open(CAST.committee.openid, { matterId: 'm-free', partyIds: parties }),
    'FORBIDDEN',
    '您没有权限做这件事。',
  ],
  [
    'village B’s legal officer opens a case on village A’s matter',
    () => open(OFFICER_B.openid, { matterId: 'm-free', partyIds: parties }),
    'NOT_FOUND',
    '找不到这件事，可能已被删除。',
  ],
  [
    'a case on a matter that does not exist',
    () => open(officer, { matterId: 'no-such-matter', partyIds: parties }),
    'NOT_FOUND',
    '找不到这件事，可能已被删除。',
  ],
  [
    'a second case on one matter',
    () => open(officer, { matterId: 'm-taken', partyIds: parties }),
    'CONFLICT',
    '这件事已经有一起调解了，一件事只能调解一次。',
  ],
  [
    'a new case on a matter whose case failed',
    () => open(officer, { matterId: 'm-failed', partyIds: parties }),
    'CONFLICT',
    '这件事已经有一起调解了，一件事只能调解一次。',
  ],
  [
    'a party of another village',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, RESIDENT_B._id] }),
    'INVALID_INPUT',
    '当事人应当都是本村的认证村民。',
  ],
  [
    'a party id that names nobody: the same answer',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, 'nobody'] }),
    'INVALID_INPUT',
    '当事人应当都是本村的认证村民。',
  ],
  [
    'a party not (yet) verified',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, CAST.pending._id] }),
    'INVALID_INPUT',
    '当事人应当都是本村的认证村民。',
  ],
  [
    'a party who left the village',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, 'left'] }),
    'INVALID_INPUT',
    '当事人应当都是本村的认证村民。',
  ],
  [
    'fewer than two parties',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id] }),
    'INVALID_INPUT',
    '调解至少要有两位当事人。',
  ],
  [
    'one party twice',
    () => open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, CAST.resident._id] }),
    'INVALID_INPUT',
    '同一位当事人选了两次，请每人只选一次。',
  ],
  [
    'more than twenty parties',
    () =>
      open(officer, {
        matterId: 'm-free',
        partyIds: Array.from({ length: 21 }, (_, i) => `p${i}`),
      }),
    'INVALID_INPUT',
    '一起调解最多 20 位当事人。',
  ],
  [
    'the officer as a party',
    () =>
      open(officer, { matterId: 'm-free', partyIds: [CAST.resident._id, CAST.legalOfficer._id] }),
    'FORBIDDEN',
    '您是这起纠纷的当事人，不能自己主持调解，请另一位法治委员主持。',
  ],
  [
    'a closed matter',
    () => open(officer, { matterId: 'm-closed', partyIds: parties }),
    'CONFLICT',
    '这件事已经是“已关闭”，不能再发起调解。',
  ],
  [
    'a declined matter',
    () => open(officer, { matterId: 'm-declined', partyIds: parties }),
    'CONFLICT',
    '这件事已经是“不予受理”，不能再发起调解。',
  ],
  [
    'the committee confirms for a party (the payload naming the party is ignored)',
    () =>
      act(CAST.committee.openid, 'confirmAgreement', {
        caseId: 'm-proposed',
        proposedAt: PROPOSED_AT.toISOString(),
        memberId: CAST.resident._id,
        openid: CAST.resident.openid,
      }),
    'FORBIDDEN',
    '只有当事人本人可以确认调解协议。',
  ],
  [
    'the officer confirms',
    () => confirm(officer, 'm-proposed'),
    'FORBIDDEN',
    '只有当事人本人可以确认调解协议。',
  ],
  [
    'a party confirms a stale proposal',
    () =>
      confirm(
        CAST.resident.openid,
        'm-proposed',
        new Date(PROPOSED_AT.getTime() - 1).toISOString(),
      ),
    'CONFLICT',
    '调解协议已经修改，请重新阅读后再确认。',
  ],
  [
    'a party confirms before there is an agreement',
    () => confirm(CAST.resident.openid, 'm-taken'),
    'CONFLICT',
    '调解协议还没有拟好。',
  ],
  [
    'a party confirms without saying which text',
    () => act(CAST.resident.openid, 'confirmAgreement', { caseId: 'm-proposed' }),
    'INVALID_INPUT',
    CHINESE,
  ],
  [
    'a party confirms an agreed case again',
    () => confirm(CAST.resident.openid, 'm-agreed'),
    'CONFLICT',
    '这起调解现在是“已调解”，不能确认调解协议。',
  ],
  [
    'a meeting on a closed case',
    () =>
      act(officer, 'recordMeeting', {
        caseId: 'm-agreed',
        at: TEST_NOW.toISOString(),
        place: '村委会',
        notes: '又谈了一次',
      }),
    'CONFLICT',
    '这起调解现在是“已调解”，不能记录调解会。',
  ],
  [
    'a new proposal on a closed case',
    () => act(officer, 'proposeAgreement', { caseId: 'm-referred', text: '新协议' }),
    'CONFLICT',
    '这起调解现在是“已转法律援助”，不能拟定调解协议。',
  ],
  [
    'a failure recorded twice',
    () => act(officer, 'recordFailure', { caseId: 'm-failed', note: '' }),
    'CONFLICT',
    '这起调解现在是“调解未成”，不能记录调解未成。',
  ],
  [
    'a referral of an agreed case',
    () => act(officer, 'referToLegalAid', { caseId: 'm-agreed', to: '区法律援助中心', note: '' }),
    'CONFLICT',
    '这起调解现在是“已调解”，不能转法律援助。',
  ],
  [
    'another legal officer of the village acts on the case',
    () => act('openid-law2', 'proposeAgreement', { caseId: 'm-taken', text: '我来定' }),
    'FORBIDDEN',
    '只有主持这起调解的法治委员可以拟定调解协议。',
  ],
  [
    'a meeting in the future',
    () =>
      act(officer, 'recordMeeting', {
        caseId: 'm-taken',
        at: new Date(TEST_NOW.getTime() + 60_000).toISOString(),
        place: '村委会',
        notes: '还没开',
      }),
    'INVALID_INPUT',
    '调解会的时间不能晚于现在。',
  ],
  [
    'a meeting at no real time',
    () =>
      act(officer, 'recordMeeting', {
        caseId: 'm-taken',
        at: '昨天',
        place: '村委会',
        notes: '谈了',
      }),
    'INVALID_INPUT',
    '调解会的时间不对',
  ],
  [
    'notes with a control character',
    () =>
      act(officer, 'recordMeeting', {
        caseId: 'm-taken',
        at: TEST_NOW.toISOString(),
        place: '村委会',
        notes: '谈了\u0000',
      }),
    'INVALID_INPUT',
    '调解记录里有无法显示的字符，请删掉后重新输入',
  ],
  [
    'an agreement of nothing but invisible characters',
    () => act(officer, 'proposeAgreement', { caseId: 'm-taken', text: ' \u200b\u200d ' }),
    'INVALID_INPUT',
    '请填写调解协议',
  ],
  [
    'an agreement too long',
    () => act(officer, 'proposeAgreement', { caseId: 'm-taken', text: '字'.repeat(2001) }),
    'INVALID_INPUT',
    '调解协议不能超过 2000 个字',
  ],
  [
    'a referral to nowhere',
    () => act(officer, 'referToLegalAid', { caseId: 'm-taken', to: '  ', note: '' }),
    'INVALID_INPUT',
    '请填写转往的法律援助机构',
  ],
  [
    'a case id that is no id',
    () => act(officer, 'recordFailure', { caseId: '../m-taken', note: '' }),
    'INVALID_INPUT',
    '调解编号不对',
  ],
  [
    'an act on a case that does not exist',
    () => act(officer, 'recordFailure', { caseId: 'no-such-case', note: '' }),
    'NOT_FOUND',
    '找不到这起调解。',
  ],
  [
    'a list by a status that does not exist',
    () => act(CAST.committee.openid, 'listMediations', { status: 'won' }),
    'INVALID_INPUT',
    '调解状态不对',
  ],
]

describe('refusals write nothing', () => {
  const cells = CASES.map(([name, call, code, message]) => ({ name, call, code, message }))
  it.each(cells)('$name → $code', async ({ call, code, message }) => {
    const before = await snapshot(backend)
    const res = await call()
    expect(res).toEqual({
      ok: false,
      error: {
        code,
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

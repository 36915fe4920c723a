// village: bad input — missing, oversized and wrongly typed fields — is INVALID_INPUT with a plain
// Chinese message and writes nothing; a fast-check fuzz of every action's payload finds no crash
// and no write (but an accepted edit of the caller's own village).
import type { ActionName } from '../../../types/api'
import { BAD_FOUNDING_CODE } from '../../../domain/village/foundingCode'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { startBackend, type Backend } from '../support/backend'
import { CAST, seedCast, VILLAGE_A } from '../support/fixtures'
import { fieldsOf, fuzzId, fuzzPayloads } from '../support/fuzz'
import { CHINESE, snapshot } from '../support/snapshot'

type VillageAction = ActionName<'village'>

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

const join = { villageId: VILLAGE_A, name: '新来的', householdNo: '001' }
const claim = { code: 'ABCD-EFGH-JKLM', name: '新来的', householdNo: '001', phone: '' }
const HOUSEHOLD_NO = '户号只能由数字、字母和“-”组成，最多 20 个字符'
const WHOLE = '请求内容不对'

/** [action, payload, the message the person reads]. */
const BAD: Array<[VillageAction, unknown, string]> = [
  ['requestJoin', {}, '请填写要加入的村'],
  ['requestJoin', 'join me', WHOLE],
  ['requestJoin', { ...join, villageId: '../villages' }, '要加入的村不对'],
  ['requestJoin', { ...join, name: '   ' }, '请填写姓名'],
  ['requestJoin', { ...join, name: '名'.repeat(21) }, '姓名不能超过 20 个字'],
  ['requestJoin', { ...join, name: ['张三'] }, '姓名应当是文字'],
  ['requestJoin', { ...join, householdNo: '一组3号' }, HOUSEHOLD_NO],
  ['requestJoin', { ...join, householdNo: 17 }, '户号应当是文字'],
  ['requestJoin', { ...join, phone: '12345' }, '手机号应当是 11 位数字，以 1 开头'],
  ['claimVillage', { name: '新来的', householdNo: '001' }, '请填写启用码'],
  ['claimVillage', { ...claim, code: 'ABCD-EFGH-JKL' }, BAD_FOUNDING_CODE],
  ['claimVillage', { ...claim, code: 'ABCD-EFGH-JKLO' }, BAD_FOUNDING_CODE],
  ['claimVillage', { ...claim, code: 'A'.repeat(65) }, BAD_FOUNDING_CODE],
  ['claimVillage', { ...claim, code: ['ABCDEFGHJKLM'] }, BAD_FOUNDING_CODE],
  ['claimVillage', { ...claim, name: '名'.repeat(21) }, '姓名不能超过 20 个字'],
  ['claimVillage', { ...claim, householdNo: '' }, '请填写户号'],
  ['claimVillage', { ...claim, phone: '2345678901' }, '手机号应当是 11 位数字，以 1 开头'],
  ['approveMember', {}, '请填写村民编号'],
  ['approveMember', { memberId: 42 }, '村民编号不对'],
  ['approveMember', { memberId: 'x'.repeat(65) }, '村民编号不对'],
  ['declineMember', { memberId: CAST.pending._id }, '请填写不通过的理由'],
  [
    'declineMember',
    { memberId: CAST.pending._id, reason: '因'.repeat(201) },
    '不通过的理由不能超过 200 个字',
  ],
  ['assignRoles', { memberId: CAST.resident._id, roles: 'committee' }, '角色应当是一个列表'],
  ['assignRoles', { memberId: CAST.resident._id, roles: ['boss'] }, '角色不对'],
  [
    'assignRoles',
    { memberId: CAST.resident._id, roles: Array(11).fill('moderator') },
    '角色太多了',
  ],
  ['listMembers', { status: 'gone' }, '状态不对'],
  ['importHouseholds', { csv: ['001'] }, '导入的内容应当是表格文字（CSV）'],
  ['getVillage', 'all', WHOLE],
  ['updateVillage', { counts: { households: 1.5 } }, '户数应当是 0 到 100000 之间的整数'],
]

describe('village bad input', () => {
  it('is INVALID_INPUT with a plain Chinese message and writes nothing', async () => {
    const before = await snapshot(backend)
    for (const [action, payload, message] of BAD) {
      const newcomer = action === 'requestJoin' || action === 'claimVillage'
      const caller = newcomer ? 'openid-newcomer' : CAST.committee.openid
      const res = await backend.call(caller, 'village', action, payload as Record<string, unknown>)
      expect({ action, payload, res }).toEqual({
        action,
        payload,
        res: { ok: false, error: { code: 'INVALID_INPUT', message } },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('an unknown action is INVALID_INPUT', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'dropVillage' as never, {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) },
    })
  })
})

describe('village payload fuzz', () => {
  it('an envelope, a known refusal in Chinese, and no write, for any payload (every action)', async () => {
    // Random memberIds name no stored member; only editing the caller's own village (its name,
    // its register) may write, and only when accepted.
    await fuzzPayloads(backend, {
      fn: 'village',
      actions: Object.keys(VILLAGE_SCHEMAS) as VillageAction[],
      caller: CAST.committee.openid,
      fields: fieldsOf(VILLAGE_SCHEMAS),
      wellFormed: { memberId: fuzzId, villageId: fuzzId },
      mayWrite: ['updateVillage', 'importHouseholds'],
      numRuns: 30,
    })
  })
})

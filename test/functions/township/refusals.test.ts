/**
 * The township function's refusals, each with its code and its plain Chinese message, and the
 * whole database compared before and after: nothing is written. Who (a stranger, a resident,
 * village B's committee on village A's need, 西街道's staff on 东镇's entries, a removed staff
 * record, a village in no township), what state (the claimant confirming, a claimed need claimed
 * again), what input (an empty description, 0 or 1.5 people, control characters). Another
 * township's or village's entry answers exactly what a made-up id answers.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  member,
  seedCast,
  storedMatter,
  STRANGER,
  village,
} from '../support/fixtures'
import {
  claimedPair,
  seedLists,
  storedEntry,
  storedNeed,
  storedService,
} from '../support/listFixtures'
import { CHINESE, snapshot } from '../support/snapshot'
import { seedDistrict, STAFF, TOWNSHIP_B } from '../support/townshipFixtures'

let backend: Backend
const com = CAST.committee.openid
const tsa = STAFF.townshipA.openid as string
const tsb = STAFF.townshipB.openid as string
const lonely = member('lonely-com', 'village-c', ['resident', 'committee'])

const NEED = {
  category: 'elderly',
  description: '助餐',
  place: '村委会',
  when: '每周六',
  peopleAffected: 12,
}

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.villages, [village('village-c', '孤村')])
  insert(backend, COLLECTION.members, [lonely])
  insert(backend, COLLECTION.matters, [
    storedMatter('m-b', { villageId: 'village-b', raisedBy: CAST.otherCommittee._id }),
  ])
  const claimed = claimedPair('r-claimed', 'r-svc-claimed', 'provider', STAFF.townshipA._id)
  seedLists(backend, {
    needs: [storedNeed('r-open'), claimed.need],
    services: [
      storedService('r-svc-open'),
      storedService('r-svc-open2'),
      claimed.service,
      storedService('r-svc-west', { townshipId: TOWNSHIP_B }),
    ],
    ledger: [
      storedEntry('r-entry', 'r-x', 'r-y'),
      storedEntry('r-done', 'r-x2', 'r-y2', { status: 'completed' }),
    ],
  })
})
afterAll(() => backend.close())

type Case = [string, string | undefined, string, Record<string, unknown>, string, string]

const NOT_FOUND_NEED = '找不到这条需求，可能已被撤回。'
const NOT_FOUND_SERVICE = '找不到这项服务，可能已被撤回。'
const NOT_FOUND_ENTRY = '找不到这条台账。'
const PEOPLE = '受益人数应当是 1 到 100000 之间的整数'

const CASES: Case[] = [
  // who
  ['anonymous', undefined, 'raiseNeed', NEED, 'UNAUTHENTICATED', '请先登录微信。'],
  [
    'a stranger',
    STRANGER,
    'raiseNeed',
    NEED,
    'UNAUTHENTICATED',
    '您还不是村里的认证村民，也不是乡镇（街道）的工作人员，不能查看或办理两张清单。',
  ],
  [
    'a removed staff record',
    STAFF.removed.openid,
    'listNeeds',
    {},
    'UNAUTHENTICATED',
    '您还不是村里的认证村民，也不是乡镇（街道）的工作人员，不能查看或办理两张清单。',
  ],
  ['a resident', CAST.resident.openid, 'raiseNeed', NEED, 'FORBIDDEN', '您没有权限做这件事。'],
  [
    'a resident',
    CAST.resident.openid,
    'offerService',
    {},
    'INVALID_INPUT',
    '请选择提供方类型（社会组织、企业或在职党员）',
  ],
  [
    'the committee offering a service',
    com,
    'offerService',
    {
      providerKind: 'enterprise',
      providerName: '公司',
      category: 'jobs',
      what: '招工',
      capacity: '10 人',
      area: '全镇',
      time: '长期',
    },
    'FORBIDDEN',
    '您不是这个单位的工作人员，不能做这件事。',
  ],
  [
    'a village in no township',
    lonely.openid,
    'raiseNeed',
    NEED,
    'CONFLICT',
    '本村还没有加入乡镇的需求清单，请联系乡镇（街道）把本村加进来。',
  ],
  [
    'village B’s committee on village A’s need',
    CAST.otherCommittee.openid,
    'claimService',
    { needId: 'r-open', serviceId: 'r-svc-open' },
    'NOT_FOUND',
    NOT_FOUND_NEED,
  ],
  [
    'village B’s committee on a made-up need',
    CAST.otherCommittee.openid,
    'claimService',
    { needId: 'no-such-need', serviceId: 'r-svc-open' },
    'NOT_FOUND',
    NOT_FOUND_NEED,
  ],
  [
    'village B’s committee confirming village A’s claim',
    CAST.otherCommittee.openid,
    'confirmClaim',
    { needId: 'r-claimed' },
    'NOT_FOUND',
    NOT_FOUND_NEED,
  ],
  [
    'a need gathered from another village’s matter',
    com,
    'raiseNeed',
    { ...NEED, matterId: 'm-b' },
    'NOT_FOUND',
    '找不到这件事，可能已被删除。',
  ],
  [
    '西街道’s staff on 东镇’s need',
    tsb,
    'claimNeed',
    { needId: 'r-open', serviceId: 'r-svc-west' },
    'NOT_FOUND',
    NOT_FOUND_NEED,
  ],
  [
    '西街道’s staff on a made-up need',
    tsb,
    'claimNeed',
    { needId: 'no-such-need', serviceId: 'r-svc-west' },
    'NOT_FOUND',
    NOT_FOUND_NEED,
  ],
  [
    '西街道’s staff on 东镇’s ledger',
    tsb,
    'addLedgerProgress',
    { entryId: 'r-entry', text: '进展' },
    'NOT_FOUND',
    NOT_FOUND_ENTRY,
  ],
  [
    '西街道’s staff on a made-up entry',
    tsb,
    'addLedgerProgress',
    { entryId: 'no-such-entry', text: '进展' },
    'NOT_FOUND',
    NOT_FOUND_ENTRY,
  ],
  [
    '东镇’s staff with 西街道’s service',
    tsa,
    'assignPair',
    { needId: 'r-open', serviceId: 'r-svc-west' },
    'NOT_FOUND',
    NOT_FOUND_SERVICE,
  ],
  [
    '西街道’s staff asking for 东镇’s lists by name',
    tsb,
    'listNeeds',
    { townshipId: 'township-east' },
    'FORBIDDEN',
    '您不是这个单位的工作人员，不能做这件事。',
  ],
  // what state
  [
    'the claimant confirming its own claim',
    tsa,
    'confirmClaim',
    { needId: 'r-claimed' },
    'FORBIDDEN',
    '不能确认自己的认领，要由需求所在的村确认。',
  ],
  [
    'a claimed need claimed again',
    tsa,
    'claimNeed',
    { needId: 'r-claimed', serviceId: 'r-svc-open2' },
    'CONFLICT',
    '这条需求现在是“待确认”，不能认领。',
  ],
  [
    'an open need confirmed',
    com,
    'confirmClaim',
    { needId: 'r-open' },
    'CONFLICT',
    '这条需求现在是“待认领”，不能确认认领。',
  ],
  [
    'an entry in progress rated',
    com,
    'rateLedgerEntry',
    { entryId: 'r-entry', score: 5, comment: '' },
    'CONFLICT',
    '服务完成以后才能评价。',
  ],
  [
    'a completed entry completed again',
    tsa,
    'completeLedgerEntry',
    { entryId: 'r-done' },
    'CONFLICT',
    '这条台账现在是“已完成”，不能标记完成。',
  ],
  // what input
  [
    'an empty description',
    com,
    'raiseNeed',
    { ...NEED, description: ' \u200b ' },
    'INVALID_INPUT',
    '请填写需求内容',
  ],
  ['0 people', com, 'raiseNeed', { ...NEED, peopleAffected: 0 }, 'INVALID_INPUT', PEOPLE],
  ['1.5 people', com, 'raiseNeed', { ...NEED, peopleAffected: 1.5 }, 'INVALID_INPUT', PEOPLE],
  ['people as text', com, 'raiseNeed', { ...NEED, peopleAffected: '12' }, 'INVALID_INPUT', PEOPLE],
  [
    'a control character',
    com,
    'raiseNeed',
    { ...NEED, description: '助餐\u0000' },
    'INVALID_INPUT',
    '需求内容里有无法显示的字符，请删掉后重新输入',
  ],
  [
    'an unknown category',
    com,
    'raiseNeed',
    { ...NEED, category: 'weather' },
    'INVALID_INPUT',
    '请选择类别',
  ],
  [
    'a score of 6',
    com,
    'rateLedgerEntry',
    { entryId: 'r-done', score: 6, comment: '' },
    'INVALID_INPUT',
    '评分应当是 1 到 5 分。',
  ],
  [
    'month 13',
    tsa,
    'exportLedger',
    { month: '2026-13' },
    'INVALID_INPUT',
    '月份应当像 2026-11 这样写',
  ],
  [
    'the committee asking for claimed services',
    com,
    'listServices',
    { status: 'claimed' },
    'INVALID_INPUT',
    '村里能看到的是待认领的服务。',
  ],
  [
    'a wrong 启用码',
    STRANGER,
    'claimStaff',
    { code: '2222-2222-2222' },
    'NOT_FOUND',
    '启用码不对，或者已经有人用过了。请核对单位发给您的启用码后重新输入。',
  ],
]

describe('township refusals write nothing', () => {
  it.each(CASES)('%s (%s): %s → %s', async (_who, openid, action, payload, code, message) => {
    const before = await snapshot(backend)
    const res = await backend.call(openid, 'township', action as never, payload)
    expect(res).toEqual({ ok: false, error: { code, message } })
    expect(message).toMatch(CHINESE)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a text with invisible characters is stored normalised', async () => {
    const res = await backend.call(com, 'township', 'raiseNeed', {
      ...NEED,
      description: '\u202e 修 \u200d路灯\r\n\r\n\r\n第二行 ',
      place: '东头\n桥边',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { description: '修 路灯\n\n第二行', place: '东头 桥边' },
    })
  })
})

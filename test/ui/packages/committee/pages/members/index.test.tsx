import { act, fireEvent, render, screen } from '@testing-library/react'
import Members from '../../../../../../src/packages/committee/pages/members'
import type { MemberView, PersonView } from '../../../../../../types/api/village'
import { fixShanghaiClock } from '../../../../../support/clock'
import { fakeTaro, ok, refuse, serve, textOf, type Call } from '../../../../pages/fakes'

let calls: Call[]
let answers: Record<string, unknown>

const request = (id: string, name: string, householdNo: string, more = {}): MemberView => ({
  id,
  villageId: 'demo-village',
  name,
  householdNo,
  roles: ['resident'],
  status: 'pending',
  requestedAt: '2026-01-01T00:00:00.000Z',
  ...more,
})

const person = (id: string, name: string, more: Partial<PersonView> = {}): PersonView => ({
  id,
  householdId: 'demo-village_002',
  householdNo: '002',
  name,
  adult: true,
  representative: false,
  householdVoter: false,
  accounts: 0,
  ...more,
})

const QIAN = request('demo-a01', '钱多多', '013')
const FENG = request('demo-a02', '冯小刚', '002')
const HOUSEHOLD_002 = [
  person('p-liming', '李明', { accounts: 1, householdVoter: true }),
  person('p-wangfang', '王芳', { accounts: 1 }),
  person('p-feng', '冯小刚'),
]
const LIMING: MemberView & { personId?: string } = {
  ...request('demo-moderator', '李明', '002'),
  householdId: 'demo-village_002',
  status: 'verified',
  roles: ['resident', 'moderator'],
  personId: 'p-liming',
}

const tap = (id: string) =>
  act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement)
  })
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
const actions = () => calls.map((c) => `${c.fn}.${c.action}`)

beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  fakeTaro()
  answers = {
    listMembers: (p: { status: string }) =>
      ok({ members: p.status === 'pending' ? [QIAN, FENG] : [LIMING] }),
    listPersons: (p: { householdId: string }) =>
      ok({ persons: p.householdId === 'demo-village_002' ? HOUSEHOLD_002 : [] }),
    approveMember: (p: { personId?: string }) =>
      ok({ householdId: 'demo-village_002', ...(p.personId ? { personId: p.personId } : {}) }),
    declineMember: ok({ ok: true }),
    assignRoles: (p: { roles: string[] }) =>
      ok({ roles: ['resident', ...p.roles.filter((r) => r !== 'resident')], changed: true }),
    linkPerson: ok({ changed: true }),
    unlinkPerson: ok({ changed: true }),
  }
  calls = serve(
    Object.fromEntries(
      Object.keys(answers).map((k) => [
        k,
        (p: never) => {
          const a = answers[k]
          return typeof a === 'function' ? (a as (x: unknown) => unknown)(p) : a
        },
      ]),
    ),
  )
})
afterEach(() => jest.useRealTimers())

describe('成员审核: join requests', () => {
  it('opens with one call: the pending requests, as the function orders them (oldest first)', async () => {
    render(<Members />)
    expect(await screen.findByText('钱多多')).toBeTruthy()
    expect(calls).toEqual([
      { fn: 'village', action: 'listMembers', payload: { status: 'pending', limit: 50 } },
    ])
    const cards = Array.from(document.querySelectorAll('#members-pending .cc-card'))
    expect(cards.map((c) => c.id)).toEqual(['request-demo-a01', 'request-demo-a02'])
    expect(textOf(cards[1] as Element)).toContain('冯小刚户号：0021月1日申请')
  })

  it('通过 shows the persons of the applicant’s household; approving links the chosen one', async () => {
    render(<Members />)
    await screen.findByText('冯小刚')
    await tap('approve-demo-a02')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'listPersons',
      payload: { householdId: 'demo-village_002', limit: 50 },
    })
    const list = document.getElementById('approve-persons') as HTMLElement
    expect(textOf(list)).toContain('名册上002户有这些人，是哪一位？')
    expect(textOf(document.getElementById('link-person-p-liming'))).toBe('○李明（已有1个账号关联）')
    // The person of the same name is chosen already.
    expect(document.getElementById('link-person-p-feng')?.getAttribute('aria-checked')).toBe('true')
    await tap('approve-confirm')
    expect(calls[2]).toEqual({
      fn: 'village',
      action: 'approveMember',
      payload: { memberId: 'demo-a02', personId: 'p-feng' },
    })
    expect(textOf(document.getElementById('members-note'))).toBe(
      '已通过冯小刚的申请，关联到名册上的002户冯小刚。',
    )
    expect(document.getElementById('request-demo-a02')).toBeNull()
    expect(document.getElementById('request-demo-a01')).toBeTruthy()
  })

  it('another person may be chosen, or none', async () => {
    render(<Members />)
    await screen.findByText('冯小刚')
    await tap('approve-demo-a02')
    await tap('link-person-p-wangfang')
    expect(document.getElementById('link-person-p-feng')?.getAttribute('aria-checked')).toBe(
      'false',
    )
    await tap('link-person-none')
    expect(screen.getByText('确定通过')).toBeTruthy()
    await tap('approve-confirm')
    expect(calls[2]?.payload).toEqual({ memberId: 'demo-a02' })
    expect(textOf(document.getElementById('members-note'))).toBe(
      '已通过冯小刚的申请，还没有关联名册上的人。',
    )
  })

  it('a household not on the register: says so, and approves without a link', async () => {
    render(<Members />)
    await screen.findByText('钱多多')
    await tap('approve-demo-a01')
    expect(calls[1]?.payload).toEqual({ householdId: 'demo-village_013', limit: 50 })
    expect(textOf(document.getElementById('link-person-none-on-register'))).toBe(
      '名册上没有013户。可以先不关联，导入名册以后再关联。',
    )
    await tap('approve-confirm')
    expect(calls[2]?.payload).toEqual({ memberId: 'demo-a01' })
  })

  it('a refused approval says why and keeps the request', async () => {
    answers.approveMember = refuse('CONFLICT', '这个申请已经处理过了。')
    render(<Members />)
    await screen.findByText('冯小刚')
    await tap('approve-demo-a02')
    await tap('approve-confirm')
    expect(textOf(document.getElementById('members-failure'))).toBe('这个申请已经处理过了。')
    expect(document.getElementById('request-demo-a02')).toBeTruthy()
  })

  it('不通过 needs a reason, asks first, then declines with the reason', async () => {
    render(<Members />)
    await screen.findByText('钱多多')
    await tap('decline-demo-a01')
    await tap('decline-submit')
    expect(textOf(document.getElementById('decline-reason-error'))).toBe('请填写不通过的理由')
    expect(document.getElementById('confirm-ok')).toBeNull()
    type('decline-reason', '  本村没有 013 号户  ')
    await tap('decline-submit')
    expect(textOf(document.getElementById('confirm'))).toContain('确定不通过钱多多的申请吗？')
    await tap('confirm-cancel')
    expect(actions()).toEqual(['village.listMembers'])
    await tap('decline-submit')
    await tap('confirm-ok')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'declineMember',
      payload: { memberId: 'demo-a01', reason: '本村没有 013 号户' },
    })
    expect(document.getElementById('request-demo-a01')).toBeNull()
    expect(textOf(document.getElementById('members-note'))).toBe(
      '没有通过钱多多的申请，理由已告诉本人。',
    )
  })

  it('no requests: says so', async () => {
    answers.listMembers = ok({ members: [] })
    render(<Members />)
    expect(await screen.findByText('没有等待审核的申请')).toBeTruthy()
  })
})

describe('成员审核: verified members', () => {
  const openLiming = async () => {
    render(<Members />)
    await screen.findByText('钱多多')
    await tap('members-tab-verified')
    await screen.findByText('李明')
    await tap('manage-demo-moderator')
  }

  it('the verified list is read when its tab is opened; a member opens on roles and the link', async () => {
    await openLiming()
    expect(calls.slice(1)).toEqual([
      { fn: 'village', action: 'listMembers', payload: { status: 'verified', limit: 50 } },
      {
        fn: 'village',
        action: 'listPersons',
        payload: { householdId: 'demo-village_002', limit: 50 },
      },
    ])
    expect(document.getElementById('role-moderator')?.getAttribute('aria-checked')).toBe('true')
    expect(document.getElementById('role-committee')?.getAttribute('aria-checked')).toBe('false')
    expect(textOf(document.getElementById('member-linked'))).toBe('现在关联的是：李明')
  })

  it('roles as ticks; 村民 kept', async () => {
    await openLiming()
    await tap('role-representative')
    await tap('role-moderator')
    await tap('roles-save')
    expect(calls.at(-1)).toEqual({
      fn: 'village',
      action: 'assignRoles',
      payload: { memberId: 'demo-moderator', roles: ['resident', 'representative'] },
    })
    expect(textOf(document.getElementById('member-note'))).toBe('角色已保存：村民、村民代表')
  })

  it('re-linking to another person of the household (a new phone), and unlinking after asking', async () => {
    await openLiming()
    await tap('relink-person-p-wangfang')
    await tap('relink-save')
    expect(calls.at(-2)).toEqual({
      fn: 'village',
      action: 'linkPerson',
      payload: { memberId: 'demo-moderator', personId: 'p-wangfang' },
    })
    expect(textOf(document.getElementById('member-note'))).toBe('已关联到名册上的王芳')
    await tap('relink-person-none')
    await tap('relink-save')
    expect(textOf(document.getElementById('confirm'))).toContain('确定取消李明和名册的关联吗？')
    const before = calls.length
    await tap('confirm-ok')
    expect(calls[before]).toEqual({
      fn: 'village',
      action: 'unlinkPerson',
      payload: { memberId: 'demo-moderator' },
    })
    expect(textOf(document.getElementById('member-note'))).toBe('已取消关联')
  })
})

import { newVillage } from '../../../domain/village/newVillage'
import { demoVillage } from '../../../domain/village/demo'

const AT = new Date('2026-11-20T10:00:00+08:00')

describe('newVillage', () => {
  it('a village from village:create: no counts, the default settings, its codes', () => {
    expect(
      newVillage({
        name: '青石村',
        talkDays: [4, 14, 24],
        at: AT,
        inviteCode: 'K7PM4X',
        foundingCodeHash: 'ab'.repeat(32),
      }),
    ).toEqual({
      name: '青石村',
      talkDays: [4, 14, 24],
      counts: { adults: 0, households: 0, representatives: 0 },
      // issue #4's and #10's defaults, written out
      settings: {
        agendaSize: 10,
        responseDeadlineDays: 3,
        reportThreshold: 3,
        ratingWindowDays: 7,
        pollNoticeDays: 3,
        proxyLimit: 3,
      },
      inviteCode: 'K7PM4X',
      founding: { codeHash: 'ab'.repeat(32), issuedAt: AT },
      createdAt: AT,
      updatedAt: AT,
    })
  })

  it('without codes it has neither field; the demo village is built by it too', () => {
    const v = newVillage({ name: '青石村', talkDays: [1], at: AT })
    expect('inviteCode' in v || 'founding' in v).toBe(false)
    const demo = demoVillage()
    expect(demo.settings).toEqual(v.settings)
    expect('founding' in demo).toBe(false)
  })
})

/**
 * Committee journey (a), issue #12: 张建国 (demo-committee) opens 村务, sees the three join requests
 * waiting, opens 成员审核 and approves 冯小刚's (demo-a02, 户号 002), linking his account to 冯小刚 on
 * the register; 冯小刚 then opens the app and is in: 首页 shows the next 说事日's agenda and 我的 his
 * name. Set-up that is not this journey (a call): the register brought up to date the week before,
 * 冯小刚 having moved into 李明's household 002 — the committee's import of that household.
 * Everything else by tapping. Screenshots: test-results/journey-committee-a-*.png.
 */
import { personId } from '../../cloudfunctions/_shared/persons'
import { ROUTES } from '../../src/routes'
import { callAs, devLogin } from '../support/backend'
import { screenshot } from '../support/browser'
import {
  auditOf,
  confirmIfAsked,
  doc,
  goTo,
  phoneOf,
  rowOf,
  tapRow,
  waitGone,
} from '../support/committee'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const VILLAGE = 'demo-village'
const APPLICANT = 'demo-a02'
const PERSON = personId(VILLAGE, '002', '冯小刚')
const NOW = '2026-11-21T09:00:00'

describe('committee journey (a): a join request approved and linked to the register', () => {
  it('冯小刚 approved from 成员审核, linked to 002户冯小刚, then sees he is in', async () => {
    const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
    const imported = await callAs<{ persons: { created: number } }>(
      rig.app.url,
      committee,
      'village',
      'importHouseholds',
      {
        csv: [
          '户号,户主,姓名,是否成年',
          '002,李明,李明,是',
          '002,李明,王芳,是',
          '002,李明,冯小刚,是',
        ].join('\n'),
      },
    )
    expect(imported.persons.created).toBe(1)

    const page = await phoneOf(rig, 'demo-committee', NOW, ROUTES.console)
    try {
      // 村务: three requests wait (钱多多, 冯小刚, 韩梅梅).
      await waitForWords(page, '#console-members', '3')
      await screenshot(page, 'journey-committee-a-1-console')
      await tap(page, '#console-members')

      // 成员审核: the requests, each with its name and 户号.
      await waitForWords(page, '#members-pending', '冯小刚')
      const pending = await wordsOf(page, '#members-pending')
      expect(pending).toContain('钱多多')
      expect(pending).toContain('韩梅梅')
      expect(pending).toContain('002')
      await screenshot(page, 'journey-committee-a-2-members')

      // 通过, choosing 冯小刚 among the persons of 户号 002 on the register.
      await tap(page, `#approve-${APPLICANT}`)
      const person = page.locator(`#link-person-${PERSON}`)
      if (await person.count()) await person.first().click()
      else await tapRow(page, '#approve-persons', '冯小刚')
      await screenshot(page, 'journey-committee-a-3-link')
      await tap(page, '#approve-confirm')
      await confirmIfAsked(page)
      await waitGone(page, '#members-pending', '冯小刚')
      await screenshot(page, 'journey-committee-a-4-approved')
      // The other two still wait.
      await rowOf(page, '#members-pending', '钱多多').waitFor({ timeout: APPEAR_MS })
    } finally {
      await page.context().close()
    }

    // Stored: verified, in household 002, linked to the person, who lists the account; audited.
    expect(await doc(rig, 'members', APPLICANT)).toEqual(
      expect.objectContaining({
        status: 'verified',
        householdId: `${VILLAGE}_002`,
        personId: PERSON,
        reviewedBy: 'demo-committee',
      }),
    )
    expect(await doc(rig, 'persons', PERSON)).toEqual(
      expect.objectContaining({ name: '冯小刚', memberIds: [APPLICANT] }),
    )
    expect(await auditOf(rig, APPLICANT)).toEqual([
      expect.objectContaining({
        action: 'approveMember',
        actorId: 'demo-committee',
        from: 'pending',
        to: 'verified',
        note: '关联名册上的002户冯小刚',
      }),
    ])

    // 冯小刚 opens the app: he is in — the next 说事日's agenda, and his name on 我的.
    const mine = await phoneOf(rig, APPLICANT, '2026-11-21T10:00:00', ROUTES.home)
    try {
      await waitForWords(mine, '#home-agenda', '文化广场晚上跳舞声音太大')
      await screenshot(mine, 'journey-committee-a-5-applicant-home')
      await goTo(mine, rig, ROUTES.me)
      await waitForWords(mine, '#me-name', '冯小刚')
      await screenshot(mine, 'journey-committee-a-6-applicant-me')
    } finally {
      await mine.context().close()
    }
  })
})

/**
 * Mediation journey, issue #14 point 4 ("a legal officer records a mediation agreement that both
 * parties confirm"): 陈大山 (demo-resident-1) has raised a dispute with his neighbour 刘玉兰
 * (demo-resident-2) over the ditch between their walls; the village's legal officer 王德福
 * (demo-legal) opens a case on it from the matter page, choosing the two of them, records a
 * meeting and proposes the agreement; 陈大山 confirms on his own phone, 刘玉兰 on hers; the case
 * reads 已调解; 王丽 (demo-m09), a resident who is no party, sees only 已调解 and no agreement.
 * Set-up that is not this journey (a call): 陈大山 raising the matter. Everything else by tapping.
 * Screenshots: test-results/journey-mediation-*.png; the case's page and the party's confirmation
 * are the README's (docs/screenshots/mediation-case.png, mediation-confirm.png).
 */
import { ROUTES } from '../../src/routes'
import { runAxe, tapTargets, MIN_TARGET } from '../support/a11y'
import { callAs, devLogin } from '../support/backend'
import { screenshot } from '../support/browser'
import { auditOf, confirmIfAsked, doc, goTo, phoneOf, setClock } from '../support/committee'
import { journeyRig } from '../support/journey'
import { fillIn, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const NOW = '2026-11-21T09:00:00'
const OFFICER = 'demo-legal'
const PARTY_1 = 'demo-resident-1'
const PARTY_2 = 'demo-resident-2'
const OTHER = 'demo-m09'
const AGREEMENT = '排水沟由两家各出一半钱，在12月5日前修好；修好后由陈家负责清理落叶。'

/** axe finds nothing and every tap target is at least 44 × 44 px. */
async function accessible(page: Parameters<typeof runAxe>[0]): Promise<void> {
  const axe = await runAxe(page)
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([])
  const small = (await tapTargets(page)).filter(
    (t) => t.width < MIN_TARGET || t.height < MIN_TARGET,
  )
  expect(small.map((t) => t.what)).toEqual([])
}

describe('mediation journey: an agreement both parties confirm on their own phones', () => {
  it('王德福 opens, meets, proposes; 陈大山 and 刘玉兰 each confirm; 王丽 sees only 已调解', async () => {
    await setClock(rig, NOW)
    const raiser = await devLogin(rig.app.url, { memberId: PARTY_1 })
    const { matterId } = await callAs<{ matterId: string }>(
      rig.app.url,
      raiser,
      'matters',
      'raiseMatter',
      {
        title: '两家院墙之间的排水沟',
        body: '我家和刘家院墙之间的排水沟堵了，雨天水往我家院子里流，两家商量不拢，请村里帮忙调解。',
        photos: [],
      },
    )

    // 王德福, the legal officer: from the matter page to 开始调解, choosing the two neighbours.
    const officer = await phoneOf(rig, OFFICER, NOW, ROUTES.matter, { id: matterId })
    try {
      await tap(officer, '#matter-mediation-open')
      await waitForWords(officer, '#open-mediation-members', '陈大山')
      await tap(officer, `#open-mediation-${PARTY_1}`)
      await tap(officer, `#open-mediation-${PARTY_2}`)
      await screenshot(officer, 'journey-mediation-1-open')
      await tap(officer, '#open-mediation-start')
      expect(await confirmIfAsked(officer)).toContain('陈大山、刘玉兰')

      // The case: 调解中, its two parties; he records a meeting and proposes the agreement.
      await waitForWords(officer, '#mediation-status', '调解中')
      expect(await wordsOf(officer, '#mediation-parties')).toContain('刘玉兰')
      await fillIn(officer, '#mediation-meeting-place', '村委会调解室')
      await fillIn(officer, '#mediation-meeting-time', '08:30')
      await fillIn(
        officer,
        '#mediation-meeting-notes',
        '两家都到了，说清楚了水往哪里流；都愿意一起出钱修。',
      )
      await tap(officer, '#mediation-meeting-save')
      await waitForWords(officer, '#mediation-meetings', '村委会调解室')
      await fillIn(officer, '#mediation-propose-text', AGREEMENT)
      await tap(officer, '#mediation-propose-save')
      await confirmIfAsked(officer)
      await waitForWords(officer, '#mediation-agreement-text', '各出一半钱')
      expect(await wordsOf(officer, '#mediation-parties')).toContain('还没有确认')
      await screenshot(officer, 'journey-mediation-2-officer')
      await accessible(officer)
    } finally {
      await officer.context().close()
    }

    // 陈大山 on his own phone: the matter says 调解中 and leads to the case; he agrees.
    await setClock(rig, '2026-11-21T10:00:00')
    const first = await phoneOf(rig, PARTY_1, '2026-11-21T10:00:00', ROUTES.matter, {
      id: matterId,
    })
    try {
      await waitForWords(first, '#matter-mediation-status', '调解中')
      await tap(first, '#matter-mediation-link')
      await waitForWords(first, '#mediation-agreement-text', '各出一半钱')
      await first.locator('#mediation-confirm').first().scrollIntoViewIfNeeded()
      await screenshot(first, 'journey-mediation-3-confirm')
      await accessible(first)
      await tap(first, '#mediation-confirm')
      expect(await confirmIfAsked(first)).toContain('这是您本人的决定')
      await waitForWords(first, '#mediation-done', '您已同意这份调解协议')
      expect(await first.locator('#mediation-confirm').count()).toBe(0)
      expect(await wordsOf(first, '#mediation-status')).toBe('调解中')
    } finally {
      await first.context().close()
    }

    // 刘玉兰 on hers: the last yes, 已调解.
    await setClock(rig, '2026-11-21T10:30:00')
    const second = await phoneOf(rig, PARTY_2, '2026-11-21T10:30:00', ROUTES.mediation, {
      matterId,
    })
    try {
      await waitForWords(second, '#mediation-party-demo-resident-1', '已同意（11月21日 10:00）')
      await tap(second, '#mediation-confirm')
      await confirmIfAsked(second)
      await waitForWords(second, '#mediation-status', '已调解')
      await waitForWords(second, '#mediation-done', '调解完成')
      await second.locator('#mediation-parties').first().scrollIntoViewIfNeeded()
      await screenshot(second, 'journey-mediation-4-second')
      await goTo(second, rig, ROUTES.mediation, { matterId })
      await waitForWords(second, '#mediation-status', '已调解')
      await waitForWords(second, '#mediation-party-demo-resident-2', '已同意（11月21日 10:30）')
      await waitForWords(second, '#mediation-closed', '11月21日（星期六）')
      await screenshot(second, 'journey-mediation-5-agreed')
    } finally {
      await second.context().close()
    }

    // 王丽, no party: 已调解 on the matter, no link; the case page gives the brief, no agreement.
    const other = await phoneOf(rig, OTHER, '2026-11-21T11:00:00', ROUTES.matter, { id: matterId })
    try {
      await waitForWords(other, '#matter-mediation-status', '已调解')
      expect(await other.locator('#matter-mediation-link').count()).toBe(0)
      await goTo(other, rig, ROUTES.mediation, { matterId })
      await waitForWords(other, '#mediation-status', '已调解')
      const page = await wordsOf(other, '#mediation')
      expect(page).not.toContain('各出一半钱')
      expect(page).not.toContain('刘玉兰')
      expect(await other.locator('#mediation-agreement').count()).toBe(0)
      await screenshot(other, 'journey-mediation-6-brief')
      await accessible(other)
    } finally {
      await other.context().close()
    }

    // Stored: agreed, both confirmations of the one text; every step audited on the case.
    const stored = await doc<{
      status: string
      partyIds: string[]
      agreement: { text: string; confirmations: Record<string, unknown> }
    }>(rig, 'mediations', matterId)
    expect(stored).toEqual(
      expect.objectContaining({ status: 'agreed', partyIds: [PARTY_1, PARTY_2] }),
    )
    expect(stored?.agreement.text).toBe(AGREEMENT)
    expect(Object.keys(stored?.agreement.confirmations ?? {}).sort()).toEqual([PARTY_1, PARTY_2])
    const steps = (await auditOf(rig, matterId)).map((a) => [a.action, a.actorId])
    expect(steps).toEqual(
      expect.arrayContaining([
        ['openMediation', OFFICER],
        ['recordMeeting', OFFICER],
        ['proposeAgreement', OFFICER],
        ['confirmAgreement', PARTY_1],
        ['confirmAgreement', PARTY_2],
      ]),
    )
  })
})

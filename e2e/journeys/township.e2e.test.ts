/**
 * The township matches a need to a service (#14's Done-when), every step by tapping, each person
 * on their own phone, with the district of e2e/support/district.ts above the demo village:
 * 1. Saturday 21 November 09:00: 吴敏 (demo-m21, 东镇's staff) registers a service on 服务清单 →
 *    登记服务: 东镇社工站's 老年餐桌送餐上门;
 * 2. 10:00: 张建国 (demo-committee) opens 村务 → 需求与服务 and raises a need (提需求);
 * 3. 11:00: 吴敏 finds it on 需求清单 and matches it with the service (匹配服务: assignPair);
 * 4. 12:00: 张建国 confirms the match (确认接受: confirmClaim);
 * 5. 13:00: 吴敏 finds the pair on this month's 台账, reports progress and marks it done (办结);
 * 6. 14:00: 张建国 rates it (台账和评价).
 * The stored need, service and ledger entry checked after.
 *
 * Then a department answers a whistle (吹哨报到), the same day:
 * 1. 09:00 (the clock set back): 张建国 blows a whistle on 河堤有一段裂缝 (demo-matter-urgent) to
 *    区水务局, 危及生命财产安全 (2 hours to 报到), from the committee's matter page;
 * 2. 11:30, past its clock: 马丽娟 (demo-m23, 区水务局's staff) finds it on 吹哨事项 from her
 *    工作台, overdue in words and red; she reports (报到), then resolves it (办结);
 * 3. 陈大山 (demo-resident-1) sees every step on the matter's timeline.
 * Screenshots:
 * test-results/journey-township-*.png (the match and the ledger also as docs/screenshots/
 * township-lists.png and township-ledger.png with FENGSI_SCREENSHOTS=1).
 */
import type { Page } from 'playwright-core'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { ROUTES } from '../../src/routes'
import { screenshot } from '../support/browser'
import { confirmIfAsked, database, phoneOf, setClock } from '../support/committee'
import { DEPARTMENT_STAFF, E2E_DEPT_WATER, TOWNSHIP_STAFF } from '../support/district'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, tap, waitForWords } from '../support/session'

const rig = journeyRig({ district: true })

const NEED = '独居老人午餐配送，每周三次'
const SERVICE = '老年餐桌送餐上门'
const PROGRESS = '第一次送餐已完成，12 位老人都吃上了热饭。'

/** The card (of a need, a service or an entry) that shows `words`. */
const cardOf = (page: Page, selector: string, words: string) =>
  page.locator(selector, { hasText: words }).first()

async function within(page: Page, selector: string, words: string, target: string) {
  const el = cardOf(page, selector, words).locator(target).first()
  await el.waitFor({ timeout: APPEAR_MS })
  await el.click()
}

describe('township journey: a need matched to a service, confirmed, on the ledger', () => {
  it('老年午餐 from 提需求 to a rated ledger entry', async () => {
    // 1. The township's staff member registers a service.
    await setClock(rig, '2026-11-21T09:00:00')
    const staff = await phoneOf(rig, TOWNSHIP_STAFF, '2026-11-21T09:00:00', ROUTES.townshipServices)
    try {
      await tap(staff, '#tw-offer')
      await tap(staff, '#offer-kind-organisation')
      await tap(staff, '#offer-category-elderly')
      await fillIn(staff, '#offer-what', SERVICE)
      await fillIn(staff, '#offer-providerName', '东镇社工站')
      await fillIn(staff, '#offer-capacity', '每周 30 人')
      await fillIn(staff, '#offer-area', '东镇各村')
      await fillIn(staff, '#offer-time', '工作日中午')
      await screenshot(staff, 'journey-township-1-offer')
      await tap(staff, '#offer-submit')
      await waitForWords(staff, '#tw-services-list', SERVICE)
    } finally {
      await staff.context().close()
    }

    // 2. The committee raises a need.
    await setClock(rig, '2026-11-21T10:00:00')
    const committee = await phoneOf(rig, 'demo-committee', '2026-11-21T10:00:00', ROUTES.console)
    try {
      await tap(committee, '#console-needs')
      await tap(committee, '#vneeds-raise')
      await tap(committee, '#need-category-elderly')
      await fillIn(committee, '#need-description', NEED)
      await fillIn(committee, '#need-place', '村东头')
      await fillIn(committee, '#need-when', '每周一、三、五中午')
      await fillIn(committee, '#need-people', '12')
      await screenshot(committee, 'journey-township-0-raise')
      await tap(committee, '#vneeds-form-submit')
      await waitForWords(committee, '#vneeds-needs .cm__card', NEED)
    } finally {
      await committee.context().close()
    }

    // 3. The township matches it with the service.
    await setClock(rig, '2026-11-21T11:00:00')
    const matcher = await phoneOf(rig, TOWNSHIP_STAFF, '2026-11-21T11:00:00', ROUTES.townshipNeeds)
    try {
      await within(matcher, '#tw-needs-list .tw__card', NEED, '[id^="need-assign-"]')
      await within(
        matcher,
        '#tw-needs-list .tw__card',
        NEED,
        `[id*="-service-"]:has-text("${SERVICE}")`,
      )
      await cardOf(matcher, '#tw-needs-list .tw__card', NEED)
        .getByText('等村里确认')
        .waitFor({ timeout: APPEAR_MS })
      await screenshot(matcher, 'journey-township-2-match')
    } finally {
      await matcher.context().close()
    }

    // 4. The committee confirms.
    await setClock(rig, '2026-11-21T12:00:00')
    const confirmer = await phoneOf(
      rig,
      'demo-committee',
      '2026-11-21T12:00:00',
      ROUTES.villageNeeds,
    )
    try {
      await cardOf(confirmer, '#vneeds-needs .cm__card', NEED)
        .getByText('乡镇为这条需求匹配了服务', { exact: false })
        .waitFor({ timeout: APPEAR_MS })
      await screenshot(confirmer, 'journey-township-3-confirm')
      await within(confirmer, '#vneeds-needs .cm__card', NEED, '[id^="vneed-confirm-"]')
      await cardOf(confirmer, '#vneeds-needs .cm__card', NEED)
        .getByText('已对接')
        .waitFor({ timeout: APPEAR_MS })
    } finally {
      await confirmer.context().close()
    }

    // 5. The ledger shows the pair; progress, then 办结.
    await setClock(rig, '2026-11-21T13:00:00')
    const ledger = await phoneOf(rig, TOWNSHIP_STAFF, '2026-11-21T13:00:00', ROUTES.townshipLedger)
    try {
      await waitForWords(ledger, '#tw-ledger-month', '2026年11月台账')
      const entry = cardOf(ledger, '#tw-ledger-list .tw__card', NEED)
      await entry.waitFor({ timeout: APPEAR_MS })
      await entry.locator('textarea').first().fill(PROGRESS)
      await entry.locator('[id^="entry-progress-send-"]').first().click()
      await entry.getByText(PROGRESS, { exact: false }).first().waitFor({ timeout: APPEAR_MS })
      await screenshot(ledger, 'journey-township-4-ledger')
      await entry.locator('[id^="entry-complete-"]').first().click()
      await confirmIfAsked(ledger)
      await entry.locator('[id^="entry-status-"]', { hasText: '已完成' }).waitFor({
        timeout: APPEAR_MS,
      })
    } finally {
      await ledger.context().close()
    }

    // 6. The committee rates it.
    await setClock(rig, '2026-11-21T14:00:00')
    const rater = await phoneOf(rig, 'demo-committee', '2026-11-21T14:00:00', ROUTES.villageNeeds)
    try {
      await tap(rater, '#vneeds-tab-ledger')
      await within(rater, '#vneeds-ledger .cm__card', NEED, '[id^="ventry-score-"][id$="-5"]')
      await within(rater, '#vneeds-ledger .cm__card', NEED, '[id^="ventry-rate-"]')
      await waitForWords(rater, '#vneeds-ledger', '已评价：5 分')
      await screenshot(rater, 'journey-township-5-rated')
    } finally {
      await rater.context().close()
    }

    const db = database(rig)
    const { data: needs } = await db.collection(COLLECTION.needs).where({ description: NEED }).get()
    expect(needs).toEqual([
      expect.objectContaining({ status: 'matched', villageId: 'demo-village' }),
    ])
    const need = needs[0] as { _id: string; claim: { serviceId: string } }
    const { data: services } = await db
      .collection(COLLECTION.services)
      .doc(need.claim.serviceId)
      .get()
    expect(services).toEqual([expect.objectContaining({ what: SERVICE, status: 'matched' })])
    const { data: entries } = await db
      .collection(COLLECTION.ledger)
      .where({ needId: need._id })
      .get()
    expect(entries).toEqual([
      expect.objectContaining({
        status: 'completed',
        month: '2026-11',
        category: 'elderly',
        rating: expect.objectContaining({ score: 5 }),
      }),
    ])
  })
})

const WHISTLED = 'demo-matter-urgent'
const DIKE = '河堤有一段裂缝'
const RESULT = '河堤裂缝已用沙袋加固，下周浇筑混凝土。'

describe('township journey: a department answers a whistle', () => {
  it('河堤有一段裂缝 from 吹哨 to 办结, on the matter’s timeline', async () => {
    // 1. The committee blows the whistle.
    await setClock(rig, '2026-11-21T09:00:00')
    const committee = await phoneOf(
      rig,
      'demo-committee',
      '2026-11-21T09:00:00',
      ROUTES.committeeMatter,
      {
        id: WHISTLED,
      },
    )
    try {
      await waitForWords(committee, '#cmatter-title', DIKE)
      await tap(committee, '#cmatter-whistle-open')
      await tap(committee, `#cmatter-whistle-dept-${E2E_DEPT_WATER}`)
      await tap(committee, '#cmatter-whistle-tier-danger')
      await fillIn(committee, '#cmatter-whistle-note', '裂缝有一米长，村里没有办法。')
      await screenshot(committee, 'journey-whistle-1-blow')
      await tap(committee, '#cmatter-whistle-send')
      await waitForWords(committee, '#cmatter-done', '已向区水务局吹哨')
    } finally {
      await committee.context().close()
    }

    // 2. Past its clock, the department finds it, overdue, reports and resolves it.
    await setClock(rig, '2026-11-21T11:30:00')
    const dept = await phoneOf(rig, DEPARTMENT_STAFF, '2026-11-21T11:30:00', ROUTES.township)
    try {
      await tap(dept, '#tw-whistles-e2e-staff-water')
      const card = cardOf(dept, '#tw-whistles-list .tw__card', DIKE)
      await card.waitFor({ timeout: APPEAR_MS })
      const clock = card.locator('[id^="whistle-clock-"]').first()
      expect(await clock.innerText()).toMatch(/^已超时/)
      expect(await clock.getAttribute('class')).toContain('tw__alarm')
      await card.getByText('超时', { exact: true }).waitFor({ timeout: APPEAR_MS })
      // Taro's H5 router slides the page in from the right: let it come to rest first.
      await dept.waitForTimeout(800)
      await screenshot(dept, 'journey-whistle-2-overdue')
      await card.click()
      await tap(dept, '#tw-whistle-ack')
      await waitForWords(dept, '#tw-whistle-steps', '报到')
      await tap(dept, '#tw-whistle-resolve')
      await fillIn(dept, '#tw-whistle-text', RESULT)
      await tap(dept, '#tw-whistle-send')
      await waitForWords(dept, '#tw-whistle-steps', RESULT)
      await screenshot(dept, 'journey-whistle-3-resolved')
    } finally {
      await dept.context().close()
    }

    // 3. A resident sees the steps on the matter's timeline.
    const resident = await phoneOf(rig, 'demo-resident-1', '2026-11-21T11:40:00', ROUTES.matter, {
      id: WHISTLED,
    })
    try {
      await waitForWords(resident, '#matter-timeline', '吹哨报到')
      await waitForWords(resident, '#matter-timeline', '办结了吹哨')
      const timeline = await resident.locator('#matter-timeline').innerText()
      expect(timeline).toContain('报到')
      await resident.locator('#matter-timeline').scrollIntoViewIfNeeded()
      await screenshot(resident, 'journey-whistle-4-timeline')
    } finally {
      await resident.context().close()
    }

    const { data } = await database(rig)
      .collection(COLLECTION.whistles)
      .where({ matterId: WHISTLED })
      .get()
    expect(data).toEqual([
      expect.objectContaining({
        departmentId: E2E_DEPT_WATER,
        tier: 'danger',
        status: 'resolved',
      }),
    ])
  })
})

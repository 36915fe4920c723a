/**
 * Journey: a village's first run (issue #13, point 3). The volunteer runs the real
 * `npm run village:create` (scripts/villageCreate.ts, spawned) against the emulator `npm start`
 * serves; it prints a 村委会启用码 once. A brand-new WeChat user (`?dev=new`) opens 加入村子, taps
 * 我是村干部，有启用码, enters the code (lower case, as it might be typed), their name and 户号,
 * agrees to the privacy guideline, and lands in 村务 as the village's committee. The code is then
 * spent. Clocks fixed at Saturday 2026-11-21 09:00 Shanghai. Screenshots:
 * test-results/journey-first-village-*.png.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { sdkFor } from '../../scripts/seed'
import { ROUTES } from '../../src/routes'
import { runAxe } from '../support/a11y'
import { phonePage, screenshot } from '../support/browser'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, openAs, tap, waitForWords } from '../support/session'

const rig = journeyRig()
const ROOT = path.resolve(__dirname, '..', '..')
const run = promisify(execFile)

const VILLAGE = '青石村'
const NAME = '周书记'

/** The real command, as the volunteer runs it, against the running emulator. */
async function villageCreate(): Promise<string> {
  const { stdout } = await run(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(ROOT, 'scripts', 'villageCreate.ts'),
      '--name',
      VILLAGE,
      '--talk-days',
      '4,14,24',
      '--url',
      rig.app.serviceUrl,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TENCENTCLOUD_SECRETID: rig.app.credentials.secretId,
        TENCENTCLOUD_SECRETKEY: rig.app.credentials.secretKey,
      },
    },
  )
  const code = /^ {4}([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})$/m.exec(stdout)?.[1]
  if (!code) throw new Error(`village:create printed no 启用码:\n${stdout}`)
  return code
}

describe('journey: the first village — village:create, then its 启用码 in the app', () => {
  it('a new user enters the printed code and is the committee in 村务', async () => {
    const code = await villageCreate()
    const page = await phonePage(rig.browser, '2026-11-21T09:00:00')
    try {
      await openAs(page, rig.app.url, 'newcomer', ROUTES.join)
      await page.locator('#claim-open').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-first-village-0-join')
      await tap(page, '#claim-open')
      await screenshot(page, 'journey-first-village-1-claim')
      // the form is as accessible as the rest of the app
      const axe = await runAxe(page)
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual(
        [],
      )
      await fillIn(page, '#claim-code', code.toLowerCase())
      await fillIn(page, '#claim-name', NAME)
      await fillIn(page, '#claim-household', '001')
      await tap(page, '#claim-submit')
      // The privacy consent (隐私保护指引) comes before any personal data is sent.
      await page.locator('#privacy-consent, #claim-done').first().waitFor({ timeout: APPEAR_MS })
      if (await page.locator('#privacy-consent').isVisible()) await tap(page, '#privacy-agree')
      await waitForWords(page, '#claim-done', `您是${VILLAGE}的第一位村委会成员`)
      await screenshot(page, 'journey-first-village-2-claimed')

      await tap(page, '#claim-console')
      await waitForWords(page, '#console-title', `${VILLAGE} · 村务`)
      // the committee's own rows: 入村申请, none waiting yet
      await waitForWords(page, '#console-members', '没有等待审核的申请')
      await screenshot(page, 'journey-first-village-3-console')

      // In the database: one verified committee member of the new village, the code spent.
      const db = sdkFor(rig.app.serviceUrl, rig.app.credentials).database()
      const { data: villages } = await db
        .collection(COLLECTION.villages)
        .where({ name: VILLAGE })
        .get()
      expect(villages).toHaveLength(1)
      const village = villages[0] as { _id: string; founding?: unknown }
      expect(village.founding).toBeUndefined()
      const { data: members } = await db
        .collection(COLLECTION.members)
        .where({ villageId: village._id })
        .get()
      expect(members).toEqual([
        expect.objectContaining({
          name: NAME,
          householdNo: '001',
          roles: ['resident', 'committee'],
          status: 'verified',
        }),
      ])
    } finally {
      await page.context().close()
    }
  })
})

/**
 * What the committee journeys (e2e/journeys/committee-*.e2e.test.ts) share: a person's phone at a
 * Shanghai wall-clock time, opened on a page; tapping the row of a list by the words it shows;
 * answering the app's "确定吗？" (our own `#confirm-ok`, or Taro's H5 showModal); the emulator's
 * clock set to a Shanghai time; and the database, read as the console would never show it.
 */
import type { FileChooser, Page } from 'playwright-core'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { sdkFor } from '../../scripts/seed'
import { moveClock } from './backend'
import { phonePage } from './browser'
import type { JourneyRig } from './journey'
import { APPEAR_MS, openAs, pageUrl } from './session'

/** `2026-11-24T19:00:00`: the Shanghai wall-clock time of an instant. */
export const shanghai = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)

/** The instant of a Shanghai wall-clock time (`2026-11-24T19:00:00`). */
export const instant = (local: string): Date => new Date(`${local}+08:00`)

/** A phone of its own (a browser context) for `who`, its clock at `local`, opened on `route`. */
export async function phoneOf(
  rig: JourneyRig,
  who: string,
  local: string,
  route: string,
  query?: Record<string, string>,
): Promise<Page> {
  const page = await phonePage(rig.browser, local)
  await openAs(page, rig.app.url, who, route, query ? { query } : {})
  return page
}

/** Opens another page of the app on the same phone (the app launched again, signed in). */
export async function goTo(
  page: Page,
  rig: JourneyRig,
  route: string,
  query?: Record<string, string>,
): Promise<void> {
  await page.goto('about:blank')
  await page.goto(pageUrl(rig.app.url, route, query))
}

/** The element inside `container` showing `words` (the innermost one: taps bubble to its row). */
export const rowOf = (page: Page, container: string, words: string) =>
  page.locator(container).getByText(words, { exact: false }).first()

/** Waits for the row of `container` that shows `words` and taps it. */
export async function tapRow(page: Page, container: string, words: string): Promise<void> {
  const row = rowOf(page, container, words)
  await row.waitFor({ timeout: APPEAR_MS })
  await row.click()
}

/**
 * If the app asks "确定吗？" within `withinMs`, answers 确定: our own confirm (`#confirm-ok`) or
 * Taro's H5 modal (`Taro.showModal`). Resolves with the question's words ('' when none was asked).
 */
export async function confirmIfAsked(page: Page, withinMs = 3_000): Promise<string> {
  const ours = page.locator('#confirm-ok').first()
  const taro = page.locator('.taro__modal .taro-model__confirm').first()
  for (let waited = 0; waited <= withinMs; waited += 100) {
    if (await ours.isVisible().catch(() => false)) {
      await ours.click()
      return 'confirm-ok'
    }
    if (await taro.isVisible().catch(() => false)) {
      const words = await page.locator('.taro__modal .taro-modal__text').first().innerText()
      await taro.click()
      return words
    }
    await page.waitForTimeout(100)
  }
  return ''
}

/** Waits for `selector`, taps it, and answers 确定 if the app asks. */
export async function tapConfirmed(page: Page, selector: string): Promise<string> {
  const target = page.locator(selector).first()
  await target.waitFor({ timeout: APPEAR_MS })
  await target.click()
  return confirmIfAsked(page)
}

/** Waits until no row of `container` shows `words` any more. */
export async function waitGone(page: Page, container: string, words: string): Promise<void> {
  await page
    .locator(container)
    .getByText(words, { exact: false })
    .first()
    .waitFor({ state: 'detached', timeout: APPEAR_MS })
}

/** Sets the emulator's clock at a Shanghai wall-clock time; `advanceMs` then moves it (timers fire). */
export async function setClock(rig: JourneyRig, local: string, advanceMs?: number): Promise<void> {
  await moveClock(rig.app.url, {
    set: instant(local).toISOString(),
    ...(advanceMs ? { advanceMs } : {}),
  })
}

/** The emulator's database, through the real SDK (to check what the taps wrote). */
export function database(rig: JourneyRig) {
  return sdkFor(rig.app.serviceUrl, rig.app.credentials).database()
}

/** One stored document, or undefined. */
export async function doc<T = Record<string, unknown>>(
  rig: JourneyRig,
  collection: keyof typeof COLLECTION,
  id: string,
): Promise<T | undefined> {
  const { data } = await database(rig).collection(COLLECTION[collection]).doc(id).get()
  return (data as T[])[0]
}

/** The audit records of a subject, oldest first. */
export async function auditOf(
  rig: JourneyRig,
  subjectId: string,
): Promise<Array<{ action: string; actorId: string; note?: string; from?: string; to?: string }>> {
  const { data } = await database(rig)
    .collection(COLLECTION.auditLogs)
    .where({ subjectId })
    .limit(100)
    .get()
  return (data as Array<{ at: string | Date; action: string; actorId: string }>).sort(
    (a, b) => new Date(a.at).getTime() - new Date(b.at).getTime(),
  )
}

/**
 * Chooses `file` through the photo button at `selector` (H5: a file chooser), answering the privacy
 * consent (隐私保护指引) if it is asked first, as journey (a) of join-and-raise does.
 */
export async function choosePhoto(page: Page, selector: string, file: string): Promise<void> {
  const choosers: FileChooser[] = []
  page.on('filechooser', (c) => choosers.push(c))
  await page.locator(selector).first().click()
  const consent = page.locator('#privacy-consent')
  for (let i = 0; i < 300 && choosers.length === 0 && !(await consent.isVisible()); i += 1) {
    await page.waitForTimeout(100)
  }
  if (choosers.length === 0) {
    await page.locator('#privacy-agree').click()
    await consent.waitFor({ state: 'hidden', timeout: APPEAR_MS })
    for (let i = 0; i < 30 && choosers.length === 0; i += 1) await page.waitForTimeout(100)
    if (choosers.length === 0) await page.locator(selector).first().click()
  }
  for (let i = 0; i < 300 && choosers.length === 0; i += 1) await page.waitForTimeout(100)
  const chooser = choosers[0]
  if (!chooser) throw new Error(`no file chooser opened for ${selector}`)
  await chooser.setFiles(file)
}

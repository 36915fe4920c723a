/**
 * Journey (c): the committee drafts and opens a poll on 停车位怎么分 (民意征询, secret); three
 * residents each open the matter, vote on its card (两票赞成、一票反对) and see 已投票，截止前可以修改;
 * the emulator's clock is moved past the closing time and the scheduler's timer counts the poll; each
 * of them then sees the published result with its sentence, and 我的投票 lists the poll. Expected
 * words written by hand (the sentence from the law's table for 3 taking part, 2 赞成).
 * Screenshots: test-results/journey-c-*.png.
 */
import type { Page } from 'playwright-core'
import { ROUTES } from '../../src/routes'
import { callAs, devLogin, moveClock } from '../support/backend'
import { phonePage, screenshot } from '../support/browser'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, openAs, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const MATTER = 'demo-matter-discussing'
const QUESTION = '停车位先给家里有老人看病的户，其余的抽签分，同意吗？'
const VOTERS: Array<[string, 'yes' | 'no']> = [
  ['demo-resident-1', 'yes'],
  ['demo-resident-2', 'yes'],
  ['demo-m09', 'no'],
]

async function openMatter(who: string, at: string): Promise<Page> {
  const page = await phonePage(rig.browser, at)
  await openAs(page, rig.app.url, who, ROUTES.matter, { query: { id: MATTER } })
  await page.locator('#matter-title').waitFor({ timeout: APPEAR_MS })
  return page
}

describe('journey (c): three residents vote, and see the result after it closes', () => {
  it('votes on the card, the scheduler counts, the sentence is shown', async () => {
    const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
    const { pollId } = await callAs<{ pollId: string }>(
      rig.app.url,
      committee,
      'polls',
      'draftPoll',
      {
        matterId: MATTER,
        question: QUESTION,
        kind: 'yesNo',
        options: [],
        maxSelections: 1,
        body: 'consult',
        secret: true,
      },
    )
    const opened = await callAs<{ closesAt: string }>(rig.app.url, committee, 'polls', 'openPoll', {
      pollId,
    })

    for (const [i, [who, choice]] of VOTERS.entries()) {
      const page = await openMatter(who, '2026-11-21T09:30:00')
      try {
        await page.locator('#vote-card').waitFor({ timeout: APPEAR_MS })
        expect(await wordsOf(page, '#vote-question')).toBe(QUESTION)
        await page.locator('#vote-secret').waitFor({ timeout: APPEAR_MS })
        if (i === 0) await screenshot(page, 'journey-c-1-vote-card')
        await tap(page, `#vote-${choice}`)
        await tap(page, '#vote-confirm')
        await waitForWords(page, '#vote-done', '已投票，截止前可以修改')
        if (i === 0) await screenshot(page, 'journey-c-2-voted')
      } finally {
        await page.context().close()
      }
    }

    // Past the closing time: the scheduler (every minute at :30) counts once 20 s have passed.
    const closes = new Date(opened.closesAt).getTime()
    await moveClock(rig.app.url, { set: new Date(closes + 1000).toISOString(), advanceMs: 90_000 })
    const after = new Date(closes + 120_000)
    const shanghai = new Date(after.getTime() + 8 * 3600_000).toISOString().slice(0, 19)

    for (const [i, [who]] of VOTERS.entries()) {
      const page = await openMatter(who, shanghai)
      try {
        await page.locator('#vote-result').waitFor({ timeout: APPEAR_MS })
        expect(await wordsOf(page, '#vote-sentence')).toBe(
          '参加征询 3 人；赞成 2 票，超过参加人数的一半；民意征询只供参考，不作决定。',
        )
        if (i === 0) await screenshot(page, 'journey-c-3-result')
      } finally {
        await page.context().close()
      }
    }

    const votes = await phonePage(rig.browser, shanghai)
    try {
      await openAs(votes, rig.app.url, 'demo-resident-1', ROUTES.votes)
      await waitForWords(votes, '#votes-list .vote-item', QUESTION)
      await screenshot(votes, 'journey-c-4-my-votes')
    } finally {
      await votes.context().close()
    }
  })
})

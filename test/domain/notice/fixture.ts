/** A counted poll and its matter, written by hand, for the notice's tests. */
import type { PollResultView, PollView } from '../../../types/api/polls'
import type { Measure } from '../../../domain/notice/wrap'

export const DIGEST = '3f7a9c0b12d4e56f7890abcdef0123456789abcdef0123456789abcdef012345'

export const RESULT: PollResultView = {
  counts: { yes: 21, no: 4, abstain: 2 },
  spoiled: 1,
  present: 28,
  householdsPresent: 11,
  turnout: 28,
  electorate: { size: 40, adults: 40, households: 12, representatives: 7 },
  valid: true,
  passed: true,
  decides: true,
  winner: 'yes',
  ruleVersion: '村委会组织法-2018',
  sentence:
    '到会 28 人，超过全村 18 岁以上村民 40 人的一半，会议有效；赞成 21 票，超过到会人数的一半，通过。',
  digest: DIGEST,
  ballots: 28,
  unconfirmedPaper: 0,
  // 21:05 on Tuesday the 24th in Shanghai.
  countedAt: '2026-11-24T13:05:00.000Z',
}

export const POLL: Pick<PollView, 'question' | 'kind' | 'options' | 'body' | 'result'> = {
  question: '集体果园承包给王家，五年，每年承包费两万元，同意吗？',
  kind: 'yesNo',
  options: [],
  body: 'assembly',
  result: RESULT,
}

export const LINK =
  'https://fengsi.example.cn/#/packages/matters/pages/detail/index?id=demo-matter-deciding'

/**
 * A measure written for the tests: a Chinese character (or other non-ASCII one) is as wide as the
 * type is large, an ASCII character half of that.
 */
export const measure: Measure = (text, style) =>
  Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? style.size / 2 : style.size), 0)

/**
 * The one place the polls function meets the rules engineer's part of issue #10 (the contract in
 * POLLS-CONTRACT.md): the tally rules, the design check, the canonical ballot list and its digest,
 * and the export format. Until `wip-rules` is merged these are small versions written to the
 * contract's signatures; at the merge this module re-exports theirs and nothing else changes.
 */
import { createHash } from 'node:crypto'
import type { LocalDate } from '../../types/model/common'
import type { MatterCategory, Procedure } from '../../types/model/matter'
import type { PollBody, PollKind } from '../../types/model/poll'
import { isArt24 } from '../../domain/matters/categories'
import { DomainError } from '../../domain/shared/errors'
import { shanghaiDate } from '../../domain/shared/time'
import { nextTalkDay } from '../../domain/talkday'

export const RULE_VERSION = '村委会组织法-2018'

interface Quorum {
  body: PollBody
  adults?: number
  households?: number
  representatives?: number
  present: number
  householdsPresent?: number
}

export type TallyCounts = Quorum & {
  yes: number
  no: number
  abstain: number
  spoiled?: number
}

export interface Judgement {
  valid: boolean
  passed: boolean
  decides: boolean
  sentence: string
  ruleVersion: string
}

export type ChoiceCounts = Quorum & { options: { id: string; label: string; votes: number }[] }

export interface ChoiceJudgement {
  valid: boolean
  decided: boolean
  winner?: string
  tie: string[]
  sentence: string
  ruleVersion: string
}

function quorum(c: Quorum): { valid: boolean; text: string; base: number } {
  const hp = c.householdsPresent ?? 0
  const households = c.households ?? 0
  switch (c.body) {
    case 'assembly': {
      const adults = c.adults ?? 0
      const byAdults = 2 * c.present > adults
      const byHouseholds = households > 0 && 3 * hp >= 2 * households
      const valid = byAdults || byHouseholds
      return {
        valid,
        base: c.present,
        text: `到会 ${c.present} 人，全村 18 岁以上村民 ${adults} 人、${households} 户（到 ${hp} 户），会议${valid ? '有效' : '无效'}`,
      }
    }
    case 'representatives': {
      const reps = c.representatives ?? 0
      const valid = reps > 0 && 3 * c.present >= 2 * reps
      return {
        valid,
        base: c.present,
        text: `到会村民代表 ${c.present} 人，共 ${reps} 人，会议${valid ? '有效' : '无效'}`,
      }
    }
    case 'households': {
      const valid = households > 0 && 3 * hp >= 2 * households
      return {
        valid,
        base: hp,
        text: `参加 ${hp} 户，共 ${households} 户，表决${valid ? '有效' : '无效'}`,
      }
    }
    case 'consult':
      return { valid: true, base: c.present, text: `参加 ${c.present} 人（民意征询，仅供参考）` }
  }
}

export function judgeTally(c: TallyCounts): Judgement {
  const q = quorum(c)
  const decides = c.body !== 'consult'
  const passed = decides && q.valid && 2 * c.yes > q.base
  const tail = !q.valid
    ? '不能作出决定。'
    : `赞成 ${c.yes} 票，${2 * c.yes > q.base ? '超过' : '没有超过'}半数，${decides ? (passed ? '决议通过。' : '决议未通过。') : '不作决定。'}`
  return {
    valid: q.valid,
    passed,
    decides,
    sentence: `${q.text}；${tail}`,
    ruleVersion: RULE_VERSION,
  }
}

export function judgeChoice(c: ChoiceCounts): ChoiceJudgement {
  const q = quorum(c)
  const top = Math.max(0, ...c.options.map((o) => o.votes))
  const leaders = c.options.filter((o) => o.votes === top && top > 0)
  const tie = leaders.length > 1 ? leaders.map((o) => o.id) : []
  const lead = leaders.length === 1 ? leaders[0] : undefined
  const decided = c.body !== 'consult' && q.valid && !!lead && 2 * lead.votes > q.base
  const tail = tie.length
    ? `${leaders.map((o) => o.label).join('、')} 票数相同，不能作出决定。`
    : lead
      ? `“${lead.label}”得 ${lead.votes} 票，${decided ? '超过半数，以此为决定。' : '没有超过半数，不能作出决定。'}`
      : '没有人投票。'
  return {
    valid: q.valid,
    decided,
    winner: decided ? lead?.id : undefined,
    tie,
    sentence: `${q.text}；${tail}`,
    ruleVersion: RULE_VERSION,
  }
}

export interface PollDesignInput {
  body: PollBody
  kind: PollKind
  options?: string[]
  maxSelections?: number
  category?: MatterCategory
  procedure?: Procedure
  delegation?: { date: LocalDate }
  openingAt: Date
  closesAt: Date
  talkDays: number[]
  noticeDays: number
  electorateSize: number
}

const at21 = (date: LocalDate) => new Date(`${date}T21:00:00+08:00`)
const DAY_MS = 24 * 60 * 60 * 1000

export function defaultClosingTime(
  body: PollBody,
  openingAt: Date,
  talkDays: number[],
  noticeDays: number,
): Date {
  if (body === 'assembly') {
    let day = nextTalkDay(new Date(openingAt.getTime() + 10 * DAY_MS - DAY_MS), talkDays)
    while (at21(day).getTime() - openingAt.getTime() < 10 * DAY_MS) {
      day = nextTalkDay(new Date(`${day}T12:00:00+08:00`), talkDays)
    }
    return at21(day)
  }
  return at21(shanghaiDate(new Date(openingAt.getTime() + noticeDays * DAY_MS)))
}

export function checkPollDesign(input: PollDesignInput): void {
  const design = (why: string): never => {
    throw new DomainError('POLL_DESIGN', why)
  }
  if (input.kind === 'choice') {
    const n = input.options?.length ?? 0
    if (n < 2 || n > 10) throw new DomainError('INVALID_INPUT', '选择题要有 2 到 10 个选项。')
    const max = input.maxSelections ?? 1
    if (max < 1 || max > n)
      throw new DomainError('INVALID_INPUT', '最多可选几项要在 1 和选项个数之间。')
  }
  if (isArt24(input.category)) {
    if (input.body === 'consult')
      design('这件事属于村民委员会组织法第二十四条的事项，不能只做民意征询。')
    if (input.body === 'representatives' && !input.delegation) {
      design('这件事属于第二十四条的事项，村民会议还没有授权村民代表会议决定。')
    }
    if (input.body === 'households') design('这件事属于第二十四条的事项，要由村民会议决定。')
    const steps = input.procedure ?? {}
    if (!steps.proposal || !steps.consultation || !steps.review) {
      design('这件事属于第二十四条的事项，表决前要先记下党支部会提议、两委会商议、党员大会审议。')
    }
  }
  const notice = input.body === 'assembly' ? 10 : input.noticeDays
  if (input.closesAt.getTime() - input.openingAt.getTime() < notice * DAY_MS) {
    design(
      input.body === 'assembly'
        ? '村民会议要提前 10 天通知，截止时间太早了。'
        : `截止时间至少要在 ${notice} 天以后。`,
    )
  }
  if (input.electorateSize === 0) design('没有可以参加这次表决的人。')
}

/** domain/polls/digest.ts */
export function canonicalBallotLines(
  ballots: { key: string; choice: string }[],
  paper: { choice: string; count: number }[],
): string {
  const lines = ballots.map((b) => `${b.key},${b.choice}\n`)
  for (const p of paper) if (p.count > 0) lines.push(`paper,${p.choice},${p.count}\n`)
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return lines.join('')
}

/** cloudfunctions/_shared/digest.ts */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** domain/polls/export.ts: the ballots CSV of a counted poll. */
export function ballotsCsv(
  secret: boolean,
  ballots: { key: string; name?: string; choice: string }[],
  paper: { choice: string; count: number }[],
): string {
  const head = secret ? 'ballot,choice\n' : 'person,name,choice\n'
  const rows = ballots.map((b) =>
    secret ? `${b.key},${b.choice}\n` : `${b.key},${b.name ?? ''},${b.choice}\n`,
  )
  for (const p of paper) if (p.count > 0) rows.push(`paper,${p.choice},${p.count}\n`)
  return head + rows.join('')
}

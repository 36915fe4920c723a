/**
 * The design check a poll passes before it opens, and its default closing time. Village votes are
 * challenged on procedure (too little notice, a matter put to a body that may not decide it, 四议
 * skipped, an empty register), so each of these is refused before anyone votes, with a plain
 * reason. The law's figures come from the one table in ./rules.ts (`LAW`).
 *
 * Closing times are Shanghai calendar dates at 21:00, whatever the clock of the machine says.
 */
import type { LocalDate } from '../../types/model/common'
import type { MatterCategory, Procedure, ProcedureStepKey } from '../../types/model/matter'
import type { PollBody, PollKind } from '../../types/model/poll'
import { CATEGORIES, isArt24 } from '../matters/categories'
import { DomainError } from '../shared/errors'
import {
  calendarDay,
  daysBetween,
  formatMonthDayWeekday,
  inShanghai,
  shanghaiDate,
} from '../shared/time'
import { nextTalkDay, validateTalkDays } from '../talkday'
import { LAW } from './rules'

/** The hour (Shanghai) a poll closes by default: after the evening's meeting. */
export const DEFAULT_CLOSING_HOUR = 21

/** A choice poll has 2 … 10 options (`o1` … `o10`). */
export const MIN_OPTIONS = 2
export const MAX_OPTIONS = 10

/** 四议 before the vote, in their order. */
export const PROCEDURE_STEPS: readonly { key: ProcedureStepKey; label: string }[] = [
  { key: 'proposal', label: '党支部会提议' },
  { key: 'consultation', label: '两委会商议' },
  { key: 'review', label: '党员大会审议' },
]

export interface PollDesignInput {
  body: PollBody
  kind: PollKind
  /** The labels of a choice poll's options, in order; a yesNo poll has none. */
  options?: string[]
  /** A choice poll's most selections per ballot (default 1). */
  maxSelections?: number
  /** The matter's category (domain/matters/categories.ts). */
  category?: MatterCategory
  /** The matter's recorded 四议 steps. */
  procedure?: Procedure
  /** The assembly's 授权 of Art. 24 matters to the representatives' meeting, if recorded. */
  delegation?: { date: LocalDate }
  openingAt: Date
  closesAt: Date
  /** The village's talk days (days of the month). */
  talkDays: number[]
  /** The village's notice for bodies other than the assembly (settings.pollNoticeDays). */
  noticeDays: number
  /** How many persons (households for a `households` poll) the frozen electorate would hold. */
  electorateSize: number
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function malformed(detail: string): DomainError {
  return new DomainError('INVALID_INPUT', `投票设置有误：${detail}`)
}

function refuse(reason: string): DomainError {
  return new DomainError('POLL_DESIGN', reason)
}

function isInstant(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime())
}

function isDate(d: unknown): d is LocalDate {
  return typeof d === 'string' && DATE.test(d) && calendarDay(d).format('YYYY-MM-DD') === d
}

function wholeNumber(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw malformed(`${what}应当是 0 或正整数，现在是“${String(n)}”`)
  }
  return n
}

/** A Shanghai calendar date at `hour`:00 Shanghai time, as an instant. */
function atShanghaiHour(date: LocalDate, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)
}

function addDays(date: LocalDate, days: number): LocalDate {
  return calendarDay(date).add(days, 'day').format('YYYY-MM-DD')
}

/**
 * The earliest Shanghai date a poll opened at `openingAt` may close: for the assembly the first
 * talk day at least its notice (10 days, Art. 21) after the opening date; for other bodies the
 * opening date plus the village's `noticeDays`.
 */
export function earliestClosingDate(
  body: PollBody,
  openingAt: Date,
  talkDays: readonly number[],
  noticeDays: number,
): LocalDate {
  const opened = shanghaiDate(openingAt)
  const lawDays = LAW[body].noticeDays
  if (lawDays === null) return addDays(opened, noticeDays)
  // The first talk day strictly after (opening date + notice − 1), i.e. at least `lawDays` later.
  return nextTalkDay(atShanghaiHour(addDays(opened, lawDays - 1), 12), talkDays)
}

/**
 * When a poll closes unless the committee sets another time: 21:00 Shanghai on its earliest
 * closing date (assembly: the first talk day at least 10 days after opening; others: `noticeDays`
 * after opening). With no notice at all and an opening after 21:00, the next day at 21:00.
 */
export function defaultClosingTime(
  body: PollBody,
  openingAt: Date,
  talkDays: readonly number[],
  noticeDays: number,
): Date {
  const date = earliestClosingDate(body, openingAt, validateTalkDays(talkDays), noticeDays)
  const at = atShanghaiHour(date, DEFAULT_CLOSING_HOUR)
  if (at.getTime() > openingAt.getTime()) return at
  return atShanghaiHour(addDays(date, 1), DEFAULT_CLOSING_HOUR)
}

/** `第二十四条第七项规定的「征地补偿费使用和分配」` */
function art24Words(category: MatterCategory): string {
  const c = CATEGORIES[category]
  return `「${c.label}」是村民委员会组织法${c.clause ?? '第二十四条'}规定的事项`
}

/**
 * Refuses the committee's `recordDecision` of an Art. 24 matter: only the assembly (or, by its
 * delegation, the representatives' meeting) decides it, by a poll.
 */
export function assertDecidableByCommittee(category: MatterCategory | undefined): void {
  if (isArt24(category)) {
    throw refuse(
      `${art24Words(category as MatterCategory)}，要由村民会议（或经村民会议授权的村民代表会议）投票决定，村委会不能直接记录决定。`,
    )
  }
}

function checkShape(input: PollDesignInput): void {
  if (input === null || typeof input !== 'object') throw malformed('没有投票的内容')
  if (!Object.prototype.hasOwnProperty.call(LAW, input.body)) {
    throw malformed(`不认识的表决方式“${String(input.body)}”`)
  }
  if (input.kind !== 'yesNo' && input.kind !== 'choice') {
    throw malformed(`不认识的投票种类“${String(input.kind)}”`)
  }
  if (!isInstant(input.openingAt)) throw malformed('开始时间不对')
  if (!isInstant(input.closesAt)) throw malformed('截止时间不对')
  wholeNumber(input.noticeDays, '通知天数')
  wholeNumber(input.electorateSize, '选民人数')
  if (input.options !== undefined) {
    if (!Array.isArray(input.options) || input.options.some((o) => typeof o !== 'string')) {
      throw malformed('选项应当是文字的列表')
    }
  }
  if (input.maxSelections !== undefined) wholeNumber(input.maxSelections, '最多可选几项')
  if (
    input.category !== undefined &&
    !Object.prototype.hasOwnProperty.call(CATEGORIES, input.category)
  ) {
    throw malformed(`不认识的事项类别“${String(input.category)}”`)
  }
  if (input.delegation !== undefined && !isDate(input.delegation?.date)) {
    throw malformed('授权日期不对')
  }
  for (const { key, label } of PROCEDURE_STEPS) {
    const step = input.procedure?.[key]
    if (step !== undefined && !isDate(step?.date)) throw malformed(`${label}的日期不对`)
  }
}

function checkOptions(input: PollDesignInput): void {
  const options = input.options ?? []
  if (input.kind === 'yesNo') {
    if (options.length > 0) throw refuse('赞成、反对、弃权的投票不另设选项。')
    if (input.maxSelections !== undefined && input.maxSelections !== 1) {
      throw refuse('赞成、反对、弃权的投票每人只能选一项。')
    }
    return
  }
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    throw refuse(
      `选择投票要有 ${MIN_OPTIONS} 到 ${MAX_OPTIONS} 个选项，现在有 ${options.length} 个。`,
    )
  }
  const seen = new Set<string>()
  for (const [i, o] of options.entries()) {
    const label = o.trim()
    if (label.length === 0) throw refuse(`第 ${i + 1} 个选项是空的。`)
    if (seen.has(label)) throw refuse(`选项「${label}」重复了。`)
    seen.add(label)
  }
  const max = input.maxSelections ?? 1
  if (max < 1 || max > options.length) {
    throw refuse(`每人最多可选的项数要在 1 到 ${options.length} 之间，现在是 ${max}。`)
  }
}

function checkArt24(input: PollDesignInput): void {
  if (!isArt24(input.category)) return
  const category = input.category as MatterCategory
  const rule = LAW[input.body]
  const opened = shanghaiDate(input.openingAt)
  if (rule.art24 === 'no') {
    throw refuse(
      `${art24Words(category)}，要由村民会议或经授权的村民代表会议投票决定，不能用${rule.name}决定。`,
    )
  }
  if (rule.art24 === 'delegated') {
    if (input.delegation === undefined) {
      throw refuse(
        `${art24Words(category)}，村民会议还没有授权村民代表会议决定这类事项（授权要先记录在村务设置里），只能由村民会议投票决定。`,
      )
    }
    if (input.delegation.date > opened) {
      throw refuse(
        `村民会议的授权日期 ${input.delegation.date} 晚于投票开始的日期 ${opened}，授权要在投票之前。`,
      )
    }
  }
  const missing = PROCEDURE_STEPS.filter(({ key }) => input.procedure?.[key] === undefined)
  if (missing.length > 0) {
    throw refuse(
      `${art24Words(category)}，投票前要先完成“四议”的前三步：还没有记录${missing.map((s) => s.label).join('、')}。`,
    )
  }
  let before: { label: string; date: LocalDate } | undefined
  for (const { key, label } of PROCEDURE_STEPS) {
    const date = (input.procedure?.[key] as { date: LocalDate }).date
    if (before !== undefined && date < before.date) {
      throw refuse(`“四议”的顺序不对：${label}（${date}）早于${before.label}（${before.date}）。`)
    }
    if (date > opened) {
      throw refuse(`${label}的日期 ${date} 晚于投票开始的日期 ${opened}，“四议”要在投票之前。`)
    }
    before = { label, date }
  }
}

function checkClosing(input: PollDesignInput, talkDays: readonly number[]): void {
  if (input.closesAt.getTime() <= input.openingAt.getTime()) {
    throw refuse('截止时间要晚于开始时间。')
  }
  const earliest = earliestClosingDate(input.body, input.openingAt, talkDays, input.noticeDays)
  const closes = shanghaiDate(input.closesAt)
  if (closes >= earliest) return
  const when = inShanghai(input.closesAt).format('M月D日 HH:mm')
  const lawDays = LAW[input.body].noticeDays
  if (lawDays !== null) {
    throw refuse(
      `召集村民会议要提前 ${lawDays} 天通知村民（村民委员会组织法第二十一条）：这次投票最早在 ${formatMonthDayWeekday(earliest)}的说事日截止，${when} 太早了。`,
    )
  }
  const days = daysBetween(shanghaiDate(input.openingAt), earliest)
  throw refuse(
    `投票要至少留出 ${days} 天（本村的设置）：最早在 ${formatMonthDayWeekday(earliest)}截止，${when} 太早了。`,
  )
}

const NOBODY: Record<PollBody, string> = {
  assembly: '名册上还没有 18 岁以上的村民',
  representatives: '名册上还没有村民代表',
  households: '名册上还没有户',
  consult: '名册上还没有 18 岁以上的村民',
}

/**
 * Checks a poll's design before it opens; throws `POLL_DESIGN` with the plain reason of the first
 * broken rule (options, Art. 24 and 四议, notice, electorate), or `INVALID_INPUT` for a malformed draft.
 */
export function checkPollDesign(input: PollDesignInput): void {
  checkShape(input)
  const talkDays = validateTalkDays(input.talkDays)
  checkOptions(input)
  checkArt24(input)
  checkClosing(input, talkDays)
  if (input.electorateSize === 0) {
    throw refuse(`选民名单是空的：${NOBODY[input.body]}，没有人可以投票，不能开始。`)
  }
}

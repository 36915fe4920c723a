/**
 * The law the tally follows (村民委员会组织法 Art. 22 and Art. 26): when a meeting or vote is valid
 * (its quorum) and when a proposal passes, for each poll body — as ONE table, `LAW`, so an
 * amendment is one edit (and a new `RULE_VERSION`).
 *
 * Every comparison is an integer cross-multiplication (`2·present > adults`, `3·householdsPresent
 * ≥ 2·households`), never a ratio in floating point: a 2/3 quorum stored as 0.6667 decides the
 * boundary wrongly. 过半数 is strictly more than half; 以上 includes the number (exactly 2/3 is
 * enough). Abstentions (弃权) and spoiled paper ballots (废票) count as present, never as yes.
 *
 * Pure: no platform import. Each judgement comes with the plain Chinese sentence that explains it.
 */
import type { PollBody } from '../../types/model/poll'
import { DomainError } from '../shared/errors'

/** The text of the law `LAW` follows; stored with every result. Change it with any edit of `LAW`. */
export const RULE_VERSION = '村委会组织法-2018'

/** A share of a whole, `num/den`: reached strictly (过半数) or inclusively (以上, the number counts). */
export interface Share {
  readonly num: number
  readonly den: number
  readonly inclusive: boolean
  /** How the share reads: `一半`, `三分之二`. */
  readonly words: string
}

/** 过半数: strictly more than half. */
export const MORE_THAN_HALF: Share = { num: 1, den: 2, inclusive: false, words: '一半' }
/** 三分之二以上: two thirds or more. */
export const TWO_THIRDS_OR_MORE: Share = { num: 2, den: 3, inclusive: true, words: '三分之二' }

/** The figures a quorum or a majority is counted from. */
export type Counted = 'present' | 'householdsPresent'
/** The whole a quorum is a share of. */
export type Whole = 'adults' | 'households' | 'representatives'

/** One way a meeting becomes valid: `counted` reaches `share` of `whole`. */
export interface QuorumRoute {
  readonly counted: Counted
  readonly whole: Whole
  readonly share: Share
  /** `到会 312 人`: the words before and after the counted figure. */
  readonly countedWords: string
  readonly countedUnit: string
  /** `全村 18 岁以上村民 600 人`: the words before and after the whole. */
  readonly wholeWords: string
  readonly wholeUnit: string
}

export interface BodyRule {
  /** 村民会议 … */
  readonly name: string
  /** Where the law says it. */
  readonly article: string
  /** Any one route suffices; none at all means no quorum (an advisory poll). */
  readonly quorum: readonly QuorumRoute[]
  /** How the quorum's outcome reads: `会议有效` / `会议无效`. */
  readonly validWords: string
  readonly invalidWords: string
  /** A decision needs `share` of `of` (`2·yes > present`). */
  readonly majority: { readonly of: Counted; readonly share: Share; readonly words: string }
  /** Whether the result decides the matter (false: 民意征询, advisory only). */
  readonly decides: boolean
  /**
   * Art. 24 matters (domain/matters/categories.ts): `yes` this body may decide them, `delegated`
   * only with the assembly's recorded 授权, `no` never.
   */
  readonly art24: 'yes' | 'delegated' | 'no'
  /** Days of notice the law asks before the meeting (Art. 21); null: the village's setting. */
  readonly noticeDays: number | null
}

/** The law, one row per poll body. */
export const LAW: Readonly<Record<PollBody, BodyRule>> = {
  assembly: {
    name: '村民会议',
    article: '第二十二条',
    quorum: [
      {
        counted: 'present',
        whole: 'adults',
        share: MORE_THAN_HALF,
        countedWords: '到会',
        countedUnit: '人',
        wholeWords: '全村 18 岁以上村民',
        wholeUnit: '人',
      },
      {
        counted: 'householdsPresent',
        whole: 'households',
        share: TWO_THIRDS_OR_MORE,
        countedWords: '到会村民来自',
        countedUnit: '户',
        wholeWords: '全村',
        wholeUnit: '户',
      },
    ],
    validWords: '会议有效',
    invalidWords: '会议无效',
    majority: { of: 'present', share: MORE_THAN_HALF, words: '到会人数' },
    decides: true,
    art24: 'yes',
    // Art. 21: 召集村民会议，应当提前十天通知村民.
    noticeDays: 10,
  },
  representatives: {
    name: '村民代表会议',
    article: '第二十六条',
    quorum: [
      {
        counted: 'present',
        whole: 'representatives',
        share: TWO_THIRDS_OR_MORE,
        countedWords: '到会代表',
        countedUnit: '人',
        wholeWords: '全体村民代表',
        wholeUnit: '人',
      },
    ],
    validWords: '会议有效',
    invalidWords: '会议无效',
    majority: { of: 'present', share: MORE_THAN_HALF, words: '到会人数' },
    decides: true,
    art24: 'delegated',
    noticeDays: null,
  },
  // Art. 22: a 村民会议 is also valid with the representatives of two thirds of the households, so
  // a vote of the households' 户代表 is that meeting and may decide Art. 24 matters.
  households: {
    name: '户代表投票',
    article: '第二十二条',
    quorum: [
      {
        counted: 'householdsPresent',
        whole: 'households',
        share: TWO_THIRDS_OR_MORE,
        countedWords: '参加投票',
        countedUnit: '户',
        wholeWords: '全村',
        wholeUnit: '户',
      },
    ],
    validWords: '投票有效',
    invalidWords: '投票无效',
    majority: { of: 'householdsPresent', share: MORE_THAN_HALF, words: '参加投票户数' },
    decides: true,
    art24: 'yes',
    noticeDays: null,
  },
  consult: {
    name: '民意征询',
    article: '',
    quorum: [],
    validWords: '',
    invalidWords: '',
    majority: { of: 'present', share: MORE_THAN_HALF, words: '参加人数' },
    decides: false,
    art24: 'no',
    noticeDays: null,
  },
}

/** The figures every judgement starts from. Fields a body does not use may be absent. */
export interface QuorumCounts {
  body: PollBody
  /** Villagers aged 18 or over on the register (the assembly's electorate). */
  adults?: number
  households?: number
  representatives?: number
  /** Everyone who cast a ballot, online or on paper: abstentions and 废票 included. */
  present: number
  /** Households with at least one ballot (`households` polls: the households that voted). */
  householdsPresent?: number
}

/** A yesNo poll's counts: `yes + no + abstain + spoiled` is `present`. */
export interface TallyCounts extends QuorumCounts {
  yes: number
  no: number
  abstain: number
  /** 废票: spoiled paper ballots. */
  spoiled?: number
}

export interface Judgement {
  /** The quorum is met (a consult: somebody took part). */
  valid: boolean
  /** Valid and a majority of yes; for a consult (decides false) advisory only. */
  passed: boolean
  /** Whether the result decides the matter: false for a consult (民意征询). */
  decides: boolean
  sentence: string
  ruleVersion: string
}

export interface ChoiceOptionCount {
  id: string
  label: string
  votes: number
}

/** A choice poll's counts: each option's votes (a ballot with several selections counts for each). */
export interface ChoiceCounts extends QuorumCounts {
  options: ChoiceOptionCount[]
  spoiled?: number
}

export interface ChoiceJudgement {
  valid: boolean
  /** Valid, the body decides, and one option leads alone with more than half of those present. */
  decided: boolean
  /** Whether the result decides the matter: false for a consult (民意征询). */
  decides: boolean
  /** The option that leads alone with more than half (for a consult, the advisory one). */
  winner?: string
  /** The ids tied for first place (in the given order), empty if none or if nobody got a vote. */
  tie: string[]
  sentence: string
  ruleVersion: string
}

/** Whether `value` reaches `share` of `whole`, by integer cross-multiplication. */
export function reaches(value: number, whole: number, share: Share): boolean {
  const left = share.den * value
  const right = share.num * whole
  if (!Number.isSafeInteger(left) || !Number.isSafeInteger(right)) {
    throw bad('数字太大，无法精确计算')
  }
  return share.inclusive ? left >= right : left > right
}

function bad(detail: string): DomainError {
  return new DomainError('INVALID_INPUT', `计票数字有误：${detail}`)
}

const FIELD_WORDS: Record<Counted | Whole | 'yes' | 'no' | 'abstain' | 'spoiled', string> = {
  present: '到会人数',
  householdsPresent: '到会户数',
  adults: '全村 18 岁以上村民人数',
  households: '户数',
  representatives: '村民代表人数',
  yes: '赞成票',
  no: '反对票',
  abstain: '弃权票',
  spoiled: '废票',
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw bad(`${what}应当是 0 或正整数，现在是“${String(value)}”`)
  }
  return value
}

/** A figure of `c`, checked; undefined when absent. */
function field(c: QuorumCounts, key: Counted | Whole): number | undefined {
  const v = c[key]
  return v === undefined ? undefined : count(v, FIELD_WORDS[key])
}

function ruleOf(c: QuorumCounts): BodyRule {
  if (c === null || typeof c !== 'object' || !Object.prototype.hasOwnProperty.call(LAW, c.body)) {
    throw bad(`不认识的表决方式“${String(c?.body)}”`)
  }
  return LAW[c.body]
}

/** Checks the quorum figures against each other and the body's needs; answers the checked figures. */
function checkQuorumCounts(c: QuorumCounts, rule: BodyRule): Record<Counted, number | undefined> {
  const present = count(c.present, FIELD_WORDS.present)
  const householdsPresent = field(c, 'householdsPresent')
  if (householdsPresent !== undefined && householdsPresent > present) {
    throw bad(`到会户数 ${householdsPresent} 多于到会人数 ${present}`)
  }
  const figures: Record<Counted, number | undefined> = { present, householdsPresent }
  const routes = rule.quorum.filter((r) => c[r.whole] !== undefined)
  if (rule.quorum.length > 0 && routes.length === 0) {
    throw bad(`${rule.name}要有${rule.quorum.map((r) => FIELD_WORDS[r.whole]).join('或')}`)
  }
  for (const r of routes) {
    const whole = field(c, r.whole) as number
    const counted = figures[r.counted]
    if (counted === undefined) throw bad(`${rule.name}要有${FIELD_WORDS[r.counted]}`)
    if (counted > whole) {
      throw bad(`${FIELD_WORDS[r.counted]} ${counted} 多于${FIELD_WORDS[r.whole]} ${whole}`)
    }
  }
  if (figures[rule.majority.of] === undefined) {
    throw bad(`${rule.name}要有${FIELD_WORDS[rule.majority.of]}`)
  }
  if (rule.majority.of === 'householdsPresent' && householdsPresent !== present) {
    throw bad(`每户一票：参加投票的户数 ${String(householdsPresent)} 应当等于票数 ${present}`)
  }
  return figures
}

/** `超过…的一半` / `未超过…的一半（恰好一半，不算超过）` / `达到…的三分之二` / `未达到…`. */
function comparison(value: number, whole: number, share: Share, of: string): string {
  const met = reaches(value, whole, share)
  if (share.inclusive) return `${met ? '达到' : '未达到'}${of}的${share.words}`
  if (met) return `超过${of}的${share.words}`
  const exact = share.den * value === share.num * whole
  return `未超过${of}的${share.words}${exact ? `（恰好${share.words}，不算超过）` : ''}`
}

interface QuorumOutcome {
  valid: boolean
  /** Without final punctuation: `到会 312 人，超过全村 18 岁以上村民 600 人的一半，会议有效`. */
  clause: string
}

function judgeQuorum(
  c: QuorumCounts,
  rule: BodyRule,
  figures: Record<Counted, number | undefined>,
): QuorumOutcome {
  if (rule.quorum.length === 0) return { valid: true, clause: `参加征询 ${figures.present} 人` }
  const parts: string[] = []
  for (const r of rule.quorum) {
    const whole = c[r.whole]
    if (whole === undefined) continue
    const counted = figures[r.counted] as number
    const met = reaches(counted, whole, r.share)
    const of = `${r.wholeWords} ${whole} ${r.wholeUnit}`
    parts.push(
      `${r.countedWords} ${counted} ${r.countedUnit}，${comparison(counted, whole, r.share, of)}`,
    )
    if (met) return { valid: true, clause: `${parts.join('；但')}，${rule.validWords}` }
  }
  return { valid: false, clause: `${parts.join('；')}，${rule.invalidWords}` }
}

const ADVISORY = '民意征询只供参考，不作决定。'
const NOBODY_CONSULT = '没有人参加征询，没有结果。'

function nobody(rule: BodyRule): string {
  return rule.decides ? `没有人投票，${rule.invalidWords}，不能作出决议。` : NOBODY_CONSULT
}

/** The result of a yesNo poll under the law, with the sentence that explains it. */
export function judgeTally(c: TallyCounts): Judgement {
  const rule = ruleOf(c)
  const figures = checkQuorumCounts(c, rule)
  const yes = count(c.yes, FIELD_WORDS.yes)
  const no = count(c.no, FIELD_WORDS.no)
  const abstain = count(c.abstain, FIELD_WORDS.abstain)
  const spoiled = c.spoiled === undefined ? 0 : count(c.spoiled, FIELD_WORDS.spoiled)
  const present = figures.present as number
  if (yes + no + abstain + spoiled !== present) {
    throw bad(
      `赞成 ${yes}、反对 ${no}、弃权 ${abstain}、废票 ${spoiled} 合计 ${yes + no + abstain + spoiled}，不等于到会人数 ${present}`,
    )
  }
  const base = { decides: rule.decides, ruleVersion: RULE_VERSION }
  if (present === 0) return { ...base, valid: false, passed: false, sentence: nobody(rule) }
  const quorum = judgeQuorum(c, rule, figures)
  if (!quorum.valid) {
    return { ...base, valid: false, passed: false, sentence: `${quorum.clause}，不能作出决议。` }
  }
  const of = figures[rule.majority.of] as number
  const passed = reaches(yes, of, rule.majority.share)
  const vote = `赞成 ${yes} 票，${comparison(yes, of, rule.majority.share, rule.majority.words)}`
  const end = rule.decides ? `，${passed ? '决议通过' : '决议未通过'}。` : `；${ADVISORY}`
  return { ...base, valid: true, passed, sentence: `${quorum.clause}；${vote}${end}` }
}

/** `「甲」`, `「甲」和「乙」`, `「甲」、「乙」和「丙」` */
function labels(options: readonly ChoiceOptionCount[]): string {
  const l = options.map((o) => `「${o.label}」`)
  return l.length === 1 ? l[0] : `${l.slice(0, -1).join('、')}和${l[l.length - 1]}`
}

/** The result of a choice poll under the law, with the sentence that explains it. */
export function judgeChoice(c: ChoiceCounts): ChoiceJudgement {
  const rule = ruleOf(c)
  const figures = checkQuorumCounts(c, rule)
  if (c.spoiled !== undefined) count(c.spoiled, FIELD_WORDS.spoiled)
  if (!Array.isArray(c.options) || c.options.length === 0) throw bad('没有选项')
  const of = figures[rule.majority.of] as number
  const ids = new Set<string>()
  for (const o of c.options) {
    if (typeof o?.id !== 'string' || ids.has(o.id)) throw bad(`选项编号“${String(o?.id)}”不对`)
    ids.add(o.id)
    const votes = count(o.votes, `「${String(o.label)}」的票数`)
    if (votes > of) throw bad(`「${o.label}」得 ${votes} 票，多于${rule.majority.words} ${of}`)
  }
  const top = Math.max(...c.options.map((o) => o.votes))
  const leaders = c.options.filter((o) => o.votes === top)
  const tie = top > 0 && leaders.length > 1 ? leaders.map((o) => o.id) : []
  const base = { decides: rule.decides, tie, ruleVersion: RULE_VERSION }
  const present = figures.present as number
  if (present === 0) return { ...base, valid: false, decided: false, sentence: nobody(rule) }
  const quorum = judgeQuorum(c, rule, figures)
  if (!quorum.valid) {
    return { ...base, valid: false, decided: false, sentence: `${quorum.clause}，不能作出决定。` }
  }
  const end = (outcome: string) => (rule.decides ? `，${outcome}。` : `；${ADVISORY}`)
  const say = (vote: string) => `${quorum.clause}；${vote}`
  if (top === 0) {
    return { ...base, valid: true, decided: false, sentence: say(`没有选项得票${end('未能选定')}`) }
  }
  if (tie.length > 0) {
    const vote = `${labels(leaders)}各得 ${top} 票，并列第一${end('未能选定')}`
    return { ...base, valid: true, decided: false, sentence: say(vote) }
  }
  const leader = leaders[0]
  const over = reaches(top, of, rule.majority.share)
  const how = comparison(top, of, rule.majority.share, rule.majority.words)
  if (!over) {
    const vote = `得票最多的「${leader.label}」得 ${top} 票，${how}${end('未能选定')}`
    return { ...base, valid: true, decided: false, sentence: say(vote) }
  }
  const vote = `「${leader.label}」得 ${top} 票，${how}${end(`选定「${leader.label}」`)}`
  return {
    ...base,
    valid: true,
    decided: rule.decides,
    winner: leader.id,
    sentence: say(vote),
  }
}

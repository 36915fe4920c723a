/**
 * The input of every `polls` action. The mini-program's forms check with the same schemas before
 * sending; the function checks again. Whether a choice fits its poll is judged with the poll
 * (./choice.ts, INVALID_CHOICE); whether a design is lawful by the design check (POLL_DESIGN).
 */
import * as v from 'valibot'
import type { PollsApi } from '../../types/api/polls'
import { charCount, cursor, id, pageSize, payload, text } from '../shared/validate'

export const POLL_LIMITS = {
  question: 200,
  option: 60,
  options: 10,
  /** Lines of one paper box (choices and 废票), and ballots on one line. */
  paperLines: 100,
  paperBallots: 1_000_000,
} as const

const pollId = id('表决编号')
const matterId = id('事项编号')

const option = text('选项', POLL_LIMITS.option)

/** A draft's fields (its lawfulness is the design check's, at opening). */
const draft = {
  question: text('表决的问题', POLL_LIMITS.question, { multiline: true }),
  kind: v.picklist(['yesNo', 'choice'], '请选择表决方式'),
  options: v.optional(
    v.pipe(
      v.array(option, '选项不对'),
      v.maxLength(POLL_LIMITS.options, `选项最多 ${POLL_LIMITS.options} 个`),
      v.check((xs) => new Set(xs).size === xs.length, '选项不能重复'),
      v.check((xs) => xs.every((x) => charCount(x) > 0), '请填写选项'),
    ),
    [],
  ),
  maxSelections: v.optional(
    v.pipe(
      v.number('最多可选几项不对'),
      v.integer('最多可选几项不对'),
      v.minValue(1, '最多可选几项不对'),
      v.maxValue(POLL_LIMITS.options, '最多可选几项不对'),
    ),
    1,
  ),
  body: v.picklist(['assembly', 'representatives', 'households', 'consult'], '请选择由谁表决'),
  secret: v.optional(v.boolean('是否无记名应当是“是”或“否”'), true),
  closesAt: v.optional(
    v.pipe(
      v.string('截止时间不对'),
      v.isoTimestamp('截止时间不对'),
      v.check((s) => !Number.isNaN(new Date(s).getTime()), '截止时间不对'),
    ),
  ),
}

/** A ballot's choice as sent: `yes` / `no` / `abstain`, or option ids (judged with the poll). */
const choice = v.union(
  [
    v.pipe(v.string('选择不对'), v.maxLength(40, '选择不对')),
    v.pipe(
      v.array(v.pipe(v.string('选择不对'), v.maxLength(4, '选择不对')), '选择不对'),
      v.maxLength(POLL_LIMITS.options, '选择不对'),
    ),
  ],
  '请选择',
)

const personId = id('选民编号')

/** Lines of a paper box: a choice or `spoiled` (废票), and how many ballots (whole, 0 or more). */
const paperCounts = v.pipe(
  v.array(
    v.object({
      choice,
      count: v.pipe(
        v.number('票数应当是数字'),
        v.integer('票数应当是整数'),
        v.minValue(0, '票数不能是负数'),
        v.maxValue(POLL_LIMITS.paperBallots, '票数太大了'),
      ),
    }),
    '请填写各项票数',
  ),
  v.minLength(1, '请填写各项票数'),
  v.maxLength(POLL_LIMITS.paperLines, '票数填得太多了'),
)

type Schemas = {
  [A in keyof PollsApi]: v.GenericSchema<unknown, PollsApi[A]['request']>
}

export const POLL_SCHEMAS = {
  draftPoll: payload({ matterId, ...draft }),
  updateDraft: payload({ pollId, ...draft }),
  openPoll: payload({ pollId }),
  castBallot: payload({ pollId, choice }),
  getPoll: payload({ pollId }),
  listPolls: payload({ matterId }),
  listVoters: payload({ pollId }),
  closePoll: payload({ pollId }),
  exportBallots: payload({ pollId }),
  markPaperVoter: payload({ pollId, personId }),
  enterPaperCounts: payload({ pollId, counts: paperCounts }),
  confirmPaperCounts: payload({ pollId, counts: paperCounts }),
  enterPaperBallot: payload({ pollId, personId, choice }),
  confirmPaperBallot: payload({ pollId, personId, choice }),
  castProxyBallot: payload({
    pollId,
    personId,
    choice,
    consent: v.picklist(['inPerson', 'phone'], '请选择本人是当面还是电话同意的'),
  }),
  reachReport: payload({ pollId }),
  listMyVotes: payload({ cursor: cursor(), limit: pageSize }),
} satisfies Schemas

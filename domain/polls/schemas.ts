/**
 * The input of every `polls` action. The mini-program's forms check with the same schemas before
 * sending; the function checks again. Whether a choice fits its poll is judged with the poll
 * (./choice.ts, INVALID_CHOICE); whether a design is lawful by the design check (POLL_DESIGN).
 */
import * as v from 'valibot'
import type { PollsApi } from '../../types/api/polls'
import { charCount, id, payload, text } from '../shared/validate'

export const POLL_LIMITS = { question: 200, option: 60, options: 10 } as const

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

type Schemas = {
  [A in keyof PollsApi]: v.GenericSchema<unknown, PollsApi[A]['request']>
}

export const POLL_SCHEMAS = {
  draftPoll: payload({ matterId, ...draft }),
  updateDraft: payload({ pollId, ...draft }),
  openPoll: payload({ pollId }),
  castBallot: payload({
    pollId,
    choice: v.union(
      [
        v.pipe(v.string('选择不对'), v.maxLength(40, '选择不对')),
        v.pipe(
          v.array(v.pipe(v.string('选择不对'), v.maxLength(4, '选择不对')), '选择不对'),
          v.maxLength(POLL_LIMITS.options, '选择不对'),
        ),
      ],
      '请选择',
    ),
  }),
  getPoll: payload({ pollId }),
  listPolls: payload({ matterId }),
  listVoters: payload({ pollId }),
  closePoll: payload({ pollId }),
  exportBallots: payload({ pollId }),
} satisfies Schemas

/** A poll's draft fields from a request: option ids, defaults, the closing time. */
import type { PollDraft } from '../../types/api/polls'
import type { Poll } from '../../types/model/poll'
import type { Village } from '../../types/model/member'
import { optionIds } from '../../domain/polls/choice'
import { fail } from '../_shared/handler'
import { pollSettings } from './access'
import { defaultClosingTime } from './law'

export type DraftFields = Pick<
  Poll,
  'question' | 'kind' | 'options' | 'maxSelections' | 'body' | 'secret' | 'closesAt'
>

export function draftFields(input: PollDraft, village: Village, now: Date): DraftFields {
  if (input.kind === 'yesNo' && input.options.length > 0) {
    fail('INVALID_INPUT', '赞成/反对/弃权的表决不用填选项。')
  }
  if (input.kind === 'choice' && input.options.length < 2) {
    fail('INVALID_INPUT', '选择题至少要有 2 个选项。')
  }
  if (input.kind === 'choice' && input.maxSelections > input.options.length) {
    fail('INVALID_INPUT', '最多可选的项数不能超过选项个数。')
  }
  const closesAt = input.closesAt
    ? new Date(input.closesAt)
    : defaultClosingTime(input.body, now, village.talkDays, pollSettings(village).noticeDays)
  const ids = optionIds(input.options.length)
  return {
    question: input.question,
    kind: input.kind,
    ...(input.kind === 'choice'
      ? {
          options: input.options.map((label, i) => ({ id: ids[i] as string, label })),
          maxSelections: input.maxSelections,
        }
      : {}),
    body: input.body,
    secret: input.secret,
    closesAt,
  }
}

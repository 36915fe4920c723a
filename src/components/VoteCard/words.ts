/** The words the vote card uses for a poll's choices and bodies. */
import type { PollOption, PollBody } from '../../../types/model/poll'
import { inShanghai } from '../../../domain/shared/time'

export const YES_NO: ReadonlyArray<{ key: 'yes' | 'no' | 'abstain'; label: string }> = [
  { key: 'yes', label: '赞成' },
  { key: 'no', label: '反对' },
  { key: 'abstain', label: '弃权' },
]

export const BODY_WORDS: Record<PollBody, string> = {
  assembly: '村民会议表决',
  representatives: '村民代表会议表决',
  households: '按户表决（每户一票）',
  consult: '民意征询（听大家意见，不作决定）',
}

export const SPOILED_WORD = '废票'

/** A choice as cast (`yes`, `o1+o3`) in words (`赞成`, `修路、建广场`). */
export function choiceWords(choice: string, options: readonly PollOption[]): string {
  const yesNo = YES_NO.find((c) => c.key === choice)
  if (yesNo) return yesNo.label
  return choice
    .split('+')
    .map((id) => options.find((o) => o.id === id)?.label ?? id)
    .join('、')
}

/** `12月4日 21:00（北京时间）` */
export const closingWords = (at: string): string =>
  `${inShanghai(at).format('M月D日 HH:mm')}（北京时间）`

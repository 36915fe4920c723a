/**
 * What the resolution notice (决议公告) for the village's notice board says, from the counted
 * poll (`polls.getPoll`) and its matter (`matters.getMatter`): the same content for the canvas
 * (layout.ts) and the H5 print page. Pure: no platform import.
 */
import type { PollView } from '../../types/api/polls'
import type { PollBody } from '../../types/model/poll'
import { DomainError } from '../shared/errors'
import { inShanghai } from '../shared/time'

export const NOTICE_HEADING = '决议公告'

/** The body that voted, as the notice names it. */
export const NOTICE_BODY_WORDS: Readonly<Record<PollBody, string>> = {
  assembly: '村民会议',
  representatives: '村民代表会议',
  households: '户代表投票（每户一票）',
  consult: '民意征询（只供参考，不作决定）',
}

const YES_NO_LABELS: ReadonlyArray<[string, string]> = [
  ['yes', '赞成'],
  ['no', '反对'],
  ['abstain', '弃权'],
]

export interface NoticeCount {
  /** `yes`, `o1` …, `spoiled`. */
  key: string
  /** 赞成, an option's label, 废票. */
  label: string
  count: number
}

export interface NoticeContent {
  heading: string
  villageName: string
  /** Who signs it: `示范村村民委员会`. */
  signature: string
  matterTitle: string
  question: string
  /** `村民会议` … */
  body: string
  /** The tally's sentence, as published. */
  sentence: string
  /** Each choice in order, then 废票. */
  counts: NoticeCount[]
  /** `投票 3 人，名单上共 40 人` */
  turnout: string
  /** The count's date in Shanghai: `2026年11月24日`. */
  date: string
  /** `2026年11月24日 21:00` (北京时间). */
  countedAt: string
  /** 计票摘要 as published (lowercase hex). */
  digest: string
  /** The digest in groups of four, four groups a line, to be read aloud and compared. */
  digestLines: string[]
  /** What the QR code opens (link.ts). */
  link: string
}

export interface NoticeInput {
  poll: Pick<PollView, 'question' | 'kind' | 'options' | 'body' | 'result'>
  matter: { title: string }
  villageName: string
  link: string
}

/** `a1b2c3d4…` → `['a1b2 c3d4 e5f6 0789', …]`. */
export function digestLines(digest: string, group = 4, perLine = 4): string[] {
  const groups: string[] = []
  for (let i = 0; i < digest.length; i += group) groups.push(digest.slice(i, i + group))
  const lines: string[] = []
  for (let i = 0; i < groups.length; i += perLine)
    lines.push(groups.slice(i, i + perLine).join(' '))
  return lines
}

/** The notice's content; refused (`CONFLICT`) while the poll has no published result. */
export function noticeContent(input: NoticeInput): NoticeContent {
  const { poll, matter, villageName, link } = input
  const result = poll.result
  if (!result) {
    throw new DomainError('CONFLICT', '这次表决还没有计票，结果出来以后才能出公告。')
  }
  const choices: Array<[string, string]> =
    poll.kind === 'yesNo' ? [...YES_NO_LABELS] : poll.options.map((o) => [o.id, o.label])
  const counts: NoticeCount[] = choices.map(([key, label]) => ({
    key,
    label,
    count: result.counts[key] ?? 0,
  }))
  counts.push({ key: 'spoiled', label: '废票', count: result.spoiled })
  const counted = inShanghai(result.countedAt)
  const village = villageName.trim()
  return {
    heading: NOTICE_HEADING,
    villageName: village,
    signature: village ? `${village}村民委员会` : '村民委员会',
    matterTitle: matter.title,
    question: poll.question,
    body: NOTICE_BODY_WORDS[poll.body],
    sentence: result.sentence,
    counts,
    turnout: `投票 ${result.turnout} 人，名单上共 ${result.electorate.size} 人`,
    date: counted.format('YYYY年M月D日'),
    countedAt: counted.format('YYYY年M月D日 HH:mm'),
    digest: result.digest,
    digestLines: digestLines(result.digest),
    link,
  }
}

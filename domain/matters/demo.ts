/**
 * Matters of the demo village 示范村 in every state, each with the timeline that brought it there,
 * dated relative to `now` so the agenda, the response deadline and the rating window look alive
 * whenever the demo is seeded. Pure data; `scripts/seed.ts` writes it.
 */
import type { AuditRecord } from '../../types/model/audit'
import type { Statement } from '../../types/model/statement'
import type {
  AgendaSlot,
  Matter,
  MatterCategory,
  MatterStatus,
  Rating,
} from '../../types/model/matter'
import { DEMO_VILLAGE_ID, demoMembers } from '../village/demo'
import { shanghaiDate } from '../shared/time'
import { addDays, upcomingTalkDays } from './rules'

const V = DEMO_VILLAGE_ID

/** The demo poll opened this many days before `now` (村民代表会议, three days' notice). */
const DEMO_POLL_OPENED_DAYS_AGO = 17

/**
 * The demo village's one counted poll (决议公告 shows it): a secret yes/no poll of the 村民代表会议
 * on 村里办老年食堂, opened 17 days before `now`, closing at 21:00 on its earliest lawful day
 * (domain/polls/design.ts), every representative voting online. The seed writes the electorate
 * frozen from the register, the ballots under the back end's ballot secret, and counts it with
 * the real count code (scripts/seedPoll.ts).
 */
export const DEMO_POLL = {
  id: 'demo-poll-canteen',
  matterId: 'demo-matter-decided',
  question: '是否同意利用村委会旧办公室办老年食堂，每餐收 5 元，不足部分由集体补贴？',
  kind: 'yesNo' as const,
  body: 'representatives' as const,
  secret: true,
  openedBy: 'demo-committee',
  /** Each representative's choice (their member ids): 5 yes, 1 no, 1 abstain. */
  choices: {
    'demo-representative': 'yes',
    'demo-m08': 'yes',
    'demo-m11': 'yes',
    'demo-m14': 'yes',
    'demo-m16': 'no',
    'demo-m18': 'yes',
    'demo-m22': 'abstain',
  } as Record<string, 'yes' | 'no' | 'abstain'>,
  openedAt: (now: Date): Date => addDays(now, -DEMO_POLL_OPENED_DAYS_AGO),
}

interface Step {
  action: string
  by: string
  /** Days before `now`. */
  daysAgo: number
  to?: MatterStatus
  note?: string
}

interface Story {
  id: string
  title: string
  body: string
  origin?: 'resident' | 'committee'
  urgent?: boolean
  /** Chosen when the committee accepted it or opened it (none while it is only raised). */
  category?: MatterCategory
  steps: Step[]
  fields?: (now: Date, talkDays: string[]) => Partial<Matter>
}

export interface DemoMatters {
  matters: Matter[]
  auditLogs: AuditRecord[]
  agendaSlots: AgendaSlot[]
  ratings: Rating[]
  /** The discussions: who said what on which matter (one level of replies). */
  statements: Statement[]
}

interface Said {
  id: string
  matterId: string
  by: string
  /** Days before `now`. */
  daysAgo: number
  text: string
  replyTo?: string
  /** Hidden by a moderator, with this reason (its author still sees it, marked). */
  hiddenBecause?: string
}

/** A lively discussion on the parking spaces, and a word on the river bank. */
const SAID: Said[] = [
  {
    id: 'demo-statement-1',
    matterId: 'demo-matter-discussing',
    by: 'demo-m12',
    daysAgo: 2.9,
    text: '我建议按户分，一户最多一个车位，多的车停到村委会后面的空地。',
  },
  {
    id: 'demo-statement-2',
    matterId: 'demo-matter-discussing',
    by: 'demo-resident-2',
    daysAgo: 2.5,
    text: '家里有老人要看病的，应该优先给一个固定车位。',
  },
  {
    id: 'demo-statement-3',
    matterId: 'demo-matter-discussing',
    by: 'demo-m16',
    daysAgo: 2.2,
    text: '同意优先照顾老人。其余的车位可以抽签，一年抽一次。',
    replyTo: 'demo-statement-2',
  },
  {
    id: 'demo-statement-4',
    matterId: 'demo-matter-discussing',
    by: 'demo-resident-1',
    daysAgo: 1.8,
    text: '停车场晚上没有灯，先把灯装上再说分车位的事吧。',
  },
  {
    id: 'demo-statement-5',
    matterId: 'demo-matter-discussing',
    by: 'demo-m13',
    daysAgo: 1.5,
    text: '谁家车多谁自己想办法，别占大家的地方！',
    hiddenBecause: '言语不文明，请好好说',
  },
  {
    id: 'demo-statement-6',
    matterId: 'demo-matter-discussing',
    by: 'demo-moderator',
    daysAgo: 1,
    text: '大家的意见都记下了，24 号说事日一起商量办法，商量好了再表决。',
    replyTo: 'demo-statement-1',
  },
  {
    id: 'demo-statement-7',
    matterId: 'demo-matter-urgent',
    by: 'demo-m10',
    daysAgo: 0.25,
    text: '今天早上又看了一下，裂缝比昨天长了，请尽快来人看看。',
  },
]

/** 会议纪要 of the last 说事日 before `now`, on the matters it talked about. */
const MINUTES: Array<{ matterId: string; text: string }> = [
  {
    matterId: 'demo-matter-discussing',
    text: '第一次商量停车位：先登记全村有车的户，下个说事日定分配办法，再表决。',
  },
  {
    matterId: 'demo-matter-handling',
    text: '吴建华报告减速带的进展：已经选好了样式，月底前装好。',
  },
]

const STORIES: Story[] = [
  {
    id: 'demo-matter-raised',
    title: '村口路灯坏了',
    body: '村口的两盏路灯坏了快一个月，晚上老人出门看不见路。',
    steps: [{ action: 'raiseMatter', by: 'demo-resident-1', daysAgo: 1, to: 'raised' }],
  },
  {
    id: 'demo-matter-overdue',
    title: '垃圾桶不够用',
    body: '三组的垃圾桶每天都满出来，能不能多放两个？',
    steps: [{ action: 'raiseMatter', by: 'demo-m13', daysAgo: 5, to: 'raised' }],
  },
  {
    id: 'demo-matter-accepted',
    title: '文化广场晚上跳舞声音太大',
    body: '十点以后还在放音乐，住在旁边的人睡不好，希望定个时间。',
    category: 'neighbourhood',
    steps: [
      { action: 'raiseMatter', by: 'demo-resident-2', daysAgo: 4, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-committee', daysAgo: 3, to: 'accepted' },
    ],
    fields: (_now, days) => ({ talkDay: days[0] }),
  },
  {
    id: 'demo-matter-topic',
    title: '明年先修哪一段村道',
    body: '村委会开题：明年的修路钱只够修一段，请大家一起商量先修哪段。',
    category: 'roadsUtilities',
    origin: 'committee',
    steps: [{ action: 'openTopic', by: 'demo-committee', daysAgo: 2, to: 'accepted' }],
    fields: (_now, days) => ({ talkDay: days[0] }),
  },
  {
    id: 'demo-matter-urgent',
    title: '河堤有一段裂缝',
    body: '东头河堤有一段裂了缝，下大雨怕出事。',
    category: 'publicOrder',
    urgent: true,
    steps: [
      { action: 'raiseMatter', by: 'demo-m10', daysAgo: 0.5, to: 'raised' },
      {
        action: 'acceptMatter',
        by: 'demo-committee',
        daysAgo: 0.4,
        to: 'accepted',
        note: '急事急办',
      },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 0.3, to: 'discussing' },
    ],
  },
  {
    id: 'demo-matter-declined',
    title: '想申请低保',
    body: '家里困难，想问问怎么申请低保。',
    steps: [
      { action: 'raiseMatter', by: 'demo-m21', daysAgo: 9, to: 'raised' },
      {
        action: 'declineMatter',
        by: 'demo-committee',
        daysAgo: 8,
        to: 'declined',
        note: '低保由镇民政办审批，村委会已帮您约好下周一去镇上办理。',
      },
    ],
    fields: () => ({ declineReason: '低保由镇民政办审批，村委会已帮您约好下周一去镇上办理。' }),
  },
  {
    id: 'demo-matter-merged',
    title: '路灯晚上不亮',
    body: '村口好黑。',
    steps: [
      { action: 'raiseMatter', by: 'demo-m15', daysAgo: 0.8, to: 'raised' },
      {
        action: 'mergeMatter',
        by: 'demo-committee',
        daysAgo: 0.7,
        to: 'merged',
        note: '合并到另一件事',
      },
    ],
    fields: () => ({ mergedInto: 'demo-matter-raised' }),
  },
  {
    id: 'demo-matter-withdrawn',
    title: '邻居家的狗总叫',
    body: '已经和邻居说好了。',
    steps: [
      { action: 'raiseMatter', by: 'demo-m17', daysAgo: 6, to: 'raised' },
      { action: 'withdrawMatter', by: 'demo-m17', daysAgo: 5.5, to: 'withdrawn' },
    ],
  },
  {
    id: 'demo-matter-discussing',
    title: '停车位怎么分',
    body: '新修的停车场只有 20 个车位，车比位子多，怎么分才公平？',
    category: 'neighbourhood',
    steps: [
      { action: 'raiseMatter', by: 'demo-m12', daysAgo: 12, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-committee', daysAgo: 11, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 3, to: 'discussing' },
    ],
  },
  {
    id: 'demo-matter-deciding',
    title: '集体果园承包给谁',
    body: '果园承包到期，有两户想接手，请大家表决。',
    origin: 'committee',
    // An Art. 24 matter (集体经济项目承包): 四议 recorded before the vote.
    category: 'collectiveEnterprise',
    steps: [
      { action: 'openTopic', by: 'demo-committee', daysAgo: 20, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 13, to: 'discussing' },
      {
        action: 'recordProcedureStep',
        by: 'demo-committee',
        daysAgo: 12,
        note: '党支部会提议：应到 5 人，实到 5 人；结果：同意提交两委会商议',
      },
      {
        action: 'recordProcedureStep',
        by: 'demo-committee',
        daysAgo: 10,
        note: '两委会商议：应到 9 人，实到 8 人；结果：同意，形成承包方案',
      },
      {
        action: 'recordProcedureStep',
        by: 'demo-committee',
        daysAgo: 7,
        note: '党员大会审议：应到 32 人，实到 27 人；结果：审议通过，提交村民代表会议表决',
      },
      { action: 'openPoll', by: 'demo-committee', daysAgo: 3, to: 'deciding' },
    ],
    fields: (now) => {
      const step = (daysAgo: number, expected: number, present: number, result: string) => ({
        date: shanghaiDate(addDays(now, -daysAgo)),
        expected,
        present,
        result,
        note: '',
        by: 'demo-committee',
        at: addDays(now, -daysAgo),
      })
      return {
        procedure: {
          proposal: step(12, 5, 5, '同意提交两委会商议'),
          consultation: step(10, 9, 8, '同意，形成承包方案'),
          review: step(7, 32, 27, '审议通过，提交村民代表会议表决'),
        },
        pollOpenedAt: addDays(now, -3),
      }
    },
  },
  {
    // 民事民决: decided by the demo's one counted poll (DEMO_POLL), which the seed counts with the
    // real count code; the count moves it on to 已决议 with the resolution.
    id: 'demo-matter-decided',
    title: '村里办老年食堂',
    body: '很多老人一个人在家做饭不方便，想办个老年食堂。',
    category: 'services',
    steps: [
      { action: 'raiseMatter', by: 'demo-m19', daysAgo: 25, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-m07', daysAgo: 24, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 20, to: 'discussing' },
      {
        action: 'openPoll',
        by: 'demo-committee',
        daysAgo: DEMO_POLL_OPENED_DAYS_AGO,
        to: 'deciding',
        note: '是否同意利用村委会旧办公室办老年食堂，每餐收 5 元，不足部分由集体补贴？',
      },
    ],
    fields: (now) => ({ pollOpenedAt: addDays(now, -DEMO_POLL_OPENED_DAYS_AGO) }),
  },
  {
    id: 'demo-matter-handling',
    title: '小学门口加减速带',
    body: '小学门口车开得太快，接孩子的时候很危险。',
    category: 'roadsUtilities',
    steps: [
      { action: 'raiseMatter', by: 'demo-m09', daysAgo: 30, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-committee', daysAgo: 29, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 24, to: 'discussing' },
      {
        action: 'recordDecision',
        by: 'demo-committee',
        daysAgo: 24,
        to: 'decided',
        note: '装两条减速带，立警示牌。',
      },
      {
        action: 'assignHandling',
        by: 'demo-committee',
        daysAgo: 23,
        to: 'handling',
        note: '办理人：吴建华',
      },
      { action: 'reportProgress', by: 'demo-m20', daysAgo: 5, note: '减速带已经买好，周末安装。' },
      {
        action: 'reportProgress',
        by: 'demo-m20',
        daysAgo: 2,
        note: '第一条减速带装好了，警示牌下周到。',
      },
    ],
    fields: (now) => ({
      decision: '装两条减速带，立警示牌。',
      handling: {
        handlerId: 'demo-m20',
        handlerName: '吴建华',
        deadline: shanghaiDate(addDays(now, 10)),
        assignedAt: addDays(now, -23),
        reports: [
          { at: addDays(now, -5), by: '吴建华', text: '减速带已经买好，周末安装。', photos: [] },
          {
            at: addDays(now, -2),
            by: '吴建华',
            text: '第一条减速带装好了，警示牌下周到。',
            photos: [],
          },
        ],
      },
    }),
  },
  {
    id: 'demo-matter-resolved',
    title: '自来水水压太低',
    body: '四组一到做饭的时候就没水。',
    category: 'roadsUtilities',
    steps: [
      { action: 'raiseMatter', by: 'demo-m24', daysAgo: 40, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-committee', daysAgo: 39, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 34, to: 'discussing' },
      {
        action: 'recordDecision',
        by: 'demo-committee',
        daysAgo: 34,
        to: 'decided',
        note: '请水厂换一段管子。',
      },
      {
        action: 'assignHandling',
        by: 'demo-committee',
        daysAgo: 33,
        to: 'handling',
        note: '办理人：张建国',
      },
      {
        action: 'resolveMatter',
        by: 'demo-committee',
        daysAgo: 2,
        to: 'resolved',
        note: '水厂换了 300 米新管，水压正常了。',
      },
    ],
    fields: (now) => ({
      decision: '请水厂换一段管子。',
      handling: {
        handlerId: 'demo-committee',
        handlerName: '张建国',
        deadline: shanghaiDate(addDays(now, -3)),
        assignedAt: addDays(now, -33),
        reports: [],
      },
      outcome: '水厂换了 300 米新管，水压正常了。',
      ratingEndsAt: addDays(now, 5),
      rating: { count: 1, sum: 5, raters: ['demo-m24'] },
    }),
  },
  {
    id: 'demo-matter-closed',
    title: '村卫生室延长开门时间',
    body: '卫生室下午四点就关门，上班的人看不上病。',
    category: 'services',
    steps: [
      { action: 'raiseMatter', by: 'demo-m25', daysAgo: 60, to: 'raised' },
      { action: 'acceptMatter', by: 'demo-committee', daysAgo: 59, to: 'accepted' },
      { action: 'startDiscussion', by: 'demo-moderator', daysAgo: 54, to: 'discussing' },
      {
        action: 'recordDecision',
        by: 'demo-committee',
        daysAgo: 54,
        to: 'decided',
        note: '周一到周五开到晚上七点。',
      },
      {
        action: 'assignHandling',
        by: 'demo-committee',
        daysAgo: 53,
        to: 'handling',
        note: '办理人：刘秀英',
      },
      {
        action: 'resolveMatter',
        by: 'demo-m07',
        daysAgo: 40,
        to: 'resolved',
        note: '已和卫生室谈好，从下月起开到七点。',
      },
      { action: 'closeMatter', by: 'demo-moderator', daysAgo: 30, to: 'closed' },
    ],
    fields: (now) => ({
      decision: '周一到周五开到晚上七点。',
      outcome: '已和卫生室谈好，从下月起开到七点。',
      ratingEndsAt: addDays(now, -33),
      rating: { count: 0, sum: 0, raters: [] },
    }),
  },
]

export function demoMatters(now: Date): DemoMatters {
  const names = new Map(demoMembers().map((m) => [m._id, m.name]))
  const nameOf = (id: string) => names.get(id) ?? id
  const talkDays = upcomingTalkDays(now, [4, 14, 24], 1)
  const out: DemoMatters = {
    matters: [],
    auditLogs: [],
    agendaSlots: [],
    ratings: [],
    statements: [],
  }
  for (const story of STORIES) {
    const first = story.steps[0] as Step
    const last = story.steps.filter((s) => s.to).at(-1) as Step
    const raisedAt = addDays(now, -first.daysAgo)
    const statusAt: Matter['statusAt'] = {}
    for (const s of story.steps) if (s.to) statusAt[s.to] = addDays(now, -s.daysAgo)
    if (story.origin === 'committee') statusAt.raised = raisedAt
    out.matters.push({
      _id: story.id,
      villageId: V,
      title: story.title,
      body: story.body,
      photos: [],
      origin: story.origin ?? 'resident',
      urgent: story.urgent ?? false,
      status: last.to as MatterStatus,
      raisedBy: first.by,
      raisedByName: nameOf(first.by),
      raisedAt,
      respondBy: story.origin === 'committee' ? raisedAt : addDays(raisedAt, 3),
      statusAt,
      rating: { count: 0, sum: 0, raters: [] },
      updatedAt: addDays(now, -(story.steps.at(-1) as Step).daysAgo),
      ...(story.category ? { category: story.category } : {}),
      ...story.fields?.(now, talkDays),
    })
    let previous: MatterStatus | undefined
    story.steps.forEach((s, i) => {
      out.auditLogs.push({
        _id: `${story.id}-log-${i + 1}`,
        villageId: V,
        subjectType: 'matter',
        subjectId: story.id,
        action: s.action,
        actorId: s.by,
        actorName: nameOf(s.by),
        at: addDays(now, -s.daysAgo),
        ...(s.to ? { ...(previous ? { from: previous } : {}), to: s.to } : {}),
        ...(s.note ? { note: s.note } : {}),
      })
      if (s.to) previous = s.to
    })
  }
  const onAgenda = out.matters.filter((m) => m.talkDay === talkDays[0]).map((m) => m._id)
  onAgenda.forEach((matterId, i) => {
    out.agendaSlots.push({
      _id: `${V}_${talkDays[0]}_${i + 1}`,
      villageId: V,
      date: talkDays[0] as string,
      slot: i + 1,
      matterId,
      position: i + 1,
      placedAt: now,
    })
  })
  // The last talk day before today (one of the 4th, 14th, 24th), with its minutes.
  let back = 1
  while (![4, 14, 24].includes(Number(shanghaiDate(addDays(now, -back)).slice(8)))) back += 1
  const lastDay = shanghaiDate(addDays(now, -back))
  MINUTES.forEach(({ matterId, text }, i) => {
    out.agendaSlots.push({
      _id: `${V}_${lastDay}_${i + 1}`,
      villageId: V,
      date: lastDay,
      slot: i + 1,
      matterId,
      position: i + 1,
      minutes: { text, by: 'demo-moderator', at: addDays(now, -back) },
      placedAt: addDays(now, -back - 3),
    })
  })
  for (const said of SAID) {
    const at = addDays(now, -said.daysAgo)
    out.statements.push({
      _id: said.id,
      villageId: V,
      matterId: said.matterId,
      authorId: said.by,
      authorName: nameOf(said.by),
      text: said.text,
      at,
      deleted: false,
      hidden: said.hiddenBecause !== undefined,
      ...(said.replyTo ? { replyTo: said.replyTo } : {}),
      ...(said.hiddenBecause
        ? {
            hiding: {
              by: 'moderator' as const,
              at: addDays(at, 0.1),
              moderatorId: 'demo-moderator',
              reason: said.hiddenBecause,
              pendingReview: false,
            },
          }
        : {}),
    })
  }
  out.ratings.push({
    _id: 'demo-matter-resolved_demo-m24',
    villageId: V,
    matterId: 'demo-matter-resolved',
    memberId: 'demo-m24',
    score: 5,
    comment: '水终于正常了，谢谢！',
    at: addDays(now, -1),
  })
  return out
}

/** Hand-written answers of getMatter / getPoll, as the functions would give them. */
import type { MatterDetail } from '../../../../../types/api/matters'
import type { StatementItem } from '../../../../../types/api/discussion'
import type { PollView } from '../../../../../types/api/polls'

export const statement = (over: Partial<StatementItem> & { id: string }): StatementItem => ({
  authorName: '李四',
  text: '我同意修路。',
  at: '2026-11-20T02:00:00.000Z',
  state: 'visible',
  mine: false,
  edited: false,
  ...over,
})

/** A matter being handled (办理中), raised 11月18日 08:30 Shanghai, on the 11月24日 talk day. */
export function detail(over: Partial<MatterDetail> = {}): MatterDetail {
  return {
    id: 'm1',
    title: '村口路灯坏了',
    status: 'handling',
    origin: 'resident',
    urgent: false,
    raisedByName: '张三',
    raisedAt: '2026-11-18T00:30:00.000Z',
    talkDay: '2026-11-24',
    overdue: false,
    photoCount: 2,
    category: { key: 'roadsUtilities', label: '道路水电', art24: false },
    villageName: '示范村',
    body: '晚上看不见路，老人走路容易摔。',
    photos: ['cloud://env/matters/2026-11/a.jpg', 'cloud://env/matters/2026-11/b.jpg'],
    decision: '由村委会找电工修好路灯。',
    handling: {
      handlerId: 'mem-w',
      handlerName: '王电工',
      deadline: '2026-12-01',
      assignedAt: '2026-11-24T08:00:00.000Z',
      reports: [
        {
          at: '2026-11-25T03:00:00.000Z',
          by: '王电工',
          text: '灯泡已买好，明天装。',
          photos: ['cloud://env/matters/2026-11/c.jpg'],
        },
      ],
    },
    procedure: [],
    timeline: [
      {
        at: '2026-11-24T08:00:00.000Z',
        actorName: '赵主任',
        action: 'assignHandling',
        from: 'decided',
        to: 'handling',
      },
      {
        at: '2026-11-18T00:30:00.000Z',
        actorName: '张三',
        action: 'raiseMatter',
        to: 'raised',
      },
    ],
    discussion: { items: [] },
    minutes: [{ talkDay: '2026-11-24', text: '大家同意尽快修。', at: '2026-11-24T09:00:00.000Z' }],
    polls: [],
    rating: { count: 0, average: null, ratedByMe: false },
    can: [],
    ...over,
  }
}

/** An open yes/no poll closing 12月4日 21:00 Shanghai; the caller may vote and has not. */
export function poll(over: Partial<PollView> = {}): PollView {
  return {
    id: 'p1',
    matterId: 'm1',
    question: '同意用村集体资金 2000 元修路灯吗？',
    kind: 'yesNo',
    options: [],
    maxSelections: 1,
    body: 'assembly',
    secret: true,
    status: 'open',
    phase: 'open',
    closesAt: '2026-12-04T13:00:00.000Z',
    openedAt: '2026-11-24T09:00:00.000Z',
    electorateSize: 120,
    turnout: 37,
    eligible: true,
    myChoice: null,
    can: ['castBallot'],
    ...over,
  }
}

/**
 * The input of every `matters` action. The mini-program's forms check with the same schemas
 * before sending; the function checks again, since a request can come from anywhere.
 */
import * as v from 'valibot'
import type { MattersApi, MattersConsoleApi } from '../../types/api/matters'
import type { MatterStatus } from '../../types/model/matter'
import {
  cursor,
  flag,
  id,
  localDate,
  optionalText,
  pageSize,
  payload,
  photos,
  text,
} from '../shared/validate'
import { CATEGORY_KEYS } from './categories'
import { STATUS_LABELS } from './lifecycle'
import { PROCEDURE_STEPS } from './procedure'

export const LIMITS = {
  title: 60,
  body: 2000,
  reason: 200,
  note: 2000,
  comment: 200,
  search: 20,
} as const

const statusKey = v.picklist(Object.keys(STATUS_LABELS) as MatterStatus[], '状态不对')

const matterId = id('事项编号')
const category = v.picklist(CATEGORY_KEYS, '请选择事项类别')
const count = (label: string) =>
  v.pipe(
    v.number(`${label}应当是 0 到 100000 之间的整数`),
    v.integer(`${label}应当是 0 到 100000 之间的整数`),
    v.minValue(0, `${label}应当是 0 到 100000 之间的整数`),
    v.maxValue(100_000, `${label}应当是 0 到 100000 之间的整数`),
  )
const title = text('标题', LIMITS.title)
const body = text('内容', LIMITS.body, { multiline: true })
const note = (label: string) => text(label, LIMITS.note, { multiline: true })

type Schemas = {
  [A in keyof MattersApi]: v.GenericSchema<unknown, MattersApi[A]['request']>
}

export const MATTER_SCHEMAS = {
  raiseMatter: payload({ title, body, photos }),
  openTopic: payload({ title, body, photos, urgent: flag('急事'), category }),
  withdrawMatter: payload({ matterId }),
  acceptMatter: payload({
    matterId,
    urgent: flag('急事'),
    talkDay: v.optional(localDate('说事日')),
    category,
  }),
  declineMatter: payload({ matterId, reason: text('不予受理的理由', LIMITS.reason) }),
  mergeMatter: payload({ matterId, intoId: id('要合并到的事项') }),
  changeCategory: payload({ matterId, category }),
  recordProcedureStep: payload({
    matterId,
    step: v.picklist(PROCEDURE_STEPS, '请选择是哪一议'),
    date: localDate('会议日期'),
    expected: count('应到人数'),
    present: count('实到人数'),
    result: text('会议结果', LIMITS.reason),
    note: optionalText('备注', LIMITS.note, { multiline: true }),
  }),
  startDiscussion: payload({ matterId }),
  recordDecision: payload({ matterId, decision: note('决议') }),
  assignHandling: payload({
    matterId,
    handlerId: id('办理人'),
    deadline: localDate('办理期限'),
  }),
  reportProgress: payload({ matterId, text: note('办理进展'), photos }),
  resolveMatter: payload({ matterId, outcome: note('办理结果') }),
  closeMatter: payload({ matterId }),
  rateMatter: payload({
    matterId,
    score: v.pipe(
      v.number('请选择 1 到 5 颗星'),
      v.integer('请选择 1 到 5 颗星'),
      v.minValue(1, '请选择 1 到 5 颗星'),
      v.maxValue(5, '请选择 1 到 5 颗星'),
    ),
    comment: optionalText('评价', LIMITS.comment),
  }),
  moveAgendaItem: payload({ matterId, talkDay: localDate('说事日') }),
  reorderAgenda: payload({
    talkDay: localDate('说事日'),
    matterIds: v.pipe(v.array(matterId, '议程不对'), v.maxLength(100, '议程太长了')),
  }),
  recordMinutes: payload({
    matterId,
    talkDay: localDate('说事日'),
    text: note('会议纪要'),
  }),
  getMatter: payload({ matterId }),
  listTimeline: payload({ matterId, cursor: cursor(), limit: pageSize }),
  getHome: payload({}),
  listMatters: v.pipe(
    payload({
      status: v.optional(statusKey),
      statuses: v.optional(
        v.pipe(
          v.array(statusKey, '状态不对'),
          v.minLength(1, '请至少选一种状态'),
          v.maxLength(Object.keys(STATUS_LABELS).length, '状态太多了'),
        ),
      ),
      q: v.optional(text('要搜索的词', LIMITS.search)),
      talkDay: v.optional(localDate('说事日')),
      mine: flag('只看我的'),
      overdue: flag('只看超期的'),
      cursor: cursor(),
      limit: pageSize,
    }),
    v.check((input) => !(input.status && input.statuses), '状态只能按一种方式选'),
  ),
} satisfies Schemas

/** The input of the console's actions (村务, 主持): read-only, one call per screen. */
export const CONSOLE_SCHEMAS = {
  getConsole: payload({}),
  getRunSheet: payload({ talkDay: v.optional(localDate('说事日')) }),
} satisfies {
  [A in keyof MattersConsoleApi]: v.GenericSchema<unknown, MattersConsoleApi[A]['request']>
}

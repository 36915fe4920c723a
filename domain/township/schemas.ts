/**
 * The input of every `township` action (types/api/township.ts). A new need and a new service are
 * checked by domain/township/lists.ts (NEED_INPUT, SERVICE_INPUT), the 启用码 as a village's is;
 * the mini-program's forms check with the same schemas before sending.
 */
import * as v from 'valibot'
import type { TownshipApi } from '../../types/api/township'
import type { NeedStatus, ServiceStatus } from '../../types/model/township'
import { cursor, id, payload, text } from '../shared/validate'
import { foundingCode } from '../village/schemas'
import {
  LIST_CATEGORY_KEYS,
  LIST_LIMITS,
  LIST_STATUS_LABELS,
  NEED_INPUT,
  SERVICE_INPUT,
} from './lists'

const STATUSES = Object.keys(LIST_STATUS_LABELS) as NeedStatus[]
const status = v.optional(v.picklist(STATUSES, '状态不对'))
const townshipId = v.optional(id('乡镇（街道）'))

/** `YYYY-MM`, a real month. */
export const month = v.pipe(
  v.custom<unknown>((x) => x !== undefined && x !== null, '请选择月份'),
  v.string('月份不对'),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应当像 2026-11 这样写'),
)

const pair = { needId: id('需求'), serviceId: id('服务') }

/** A need or a service by its id (撤回认领 from either end of the pair, 撤回). */
const listing = {
  kind: v.picklist(['need', 'service'] as const, '请说明是需求还是服务'),
  id: id('需求或服务'),
}

/** Why the other side declines a claim (shown on the entry's record). */
export const DECLINE_REASON_MAX = 200

type Schemas = {
  [A in keyof TownshipApi]: v.GenericSchema<unknown, TownshipApi[A]['request']>
}

export const TOWNSHIP_SCHEMAS = {
  claimStaff: payload({ code: foundingCode }),
  myStaff: payload({}),
  raiseNeed: NEED_INPUT,
  offerService: v.intersect([SERVICE_INPUT, payload({ townshipId })]),
  listNeeds: payload({ status, cursor: cursor(), townshipId }),
  listServices: payload({
    status: status as v.OptionalSchema<v.PicklistSchema<ServiceStatus[], string>, undefined>,
    cursor: cursor(),
    townshipId,
  }),
  claimNeed: payload(pair),
  claimService: payload(pair),
  assignPair: payload(pair),
  confirmClaim: payload({ needId: id('需求') }),
  declineClaim: payload({
    needId: id('需求'),
    reason: text('理由', DECLINE_REASON_MAX, { multiline: true }),
  }),
  withdrawClaim: payload(listing),
  withdrawListing: payload(listing),
  listLedger: payload({
    month: v.optional(month),
    category: v.optional(v.picklist(LIST_CATEGORY_KEYS, '类别不对')),
    townshipId,
  }),
  addLedgerProgress: payload({
    entryId: id('台账'),
    text: text('进展', LIST_LIMITS.progress, { multiline: true }),
  }),
  completeLedgerEntry: payload({ entryId: id('台账') }),
  rateLedgerEntry: payload({
    entryId: id('台账'),
    score: v.number('评分应当是 1 到 5 分。'),
    comment: v.optional(v.string('评价应当是文字'), ''),
  }),
  exportLedger: payload({ month, townshipId }),
  getDashboard: payload({
    unit: v.picklist(['village', 'township', 'district'] as const, '请选择看哪一级的看板'),
    month: v.optional(month),
    townshipId,
  }),
} satisfies Schemas

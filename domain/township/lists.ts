/**
 * 需求清单 / 服务清单 and 双向认领 (issue #14, point 2), the pure part: the input of a new need and a
 * new service, the claims that pair them, and the ledger (台账) a confirmed pair becomes. Every
 * change answers the new records (or throws a DomainError); the handler writes them, with the
 * audit record, in one transaction.
 *
 * Two statuses move together, need and service, by one table (LIST_TRANSITIONS):
 *
 *     open ──claim──▶ claimed ──confirm──▶ matched          (→ a new LedgerEntry)
 *       ▲               │
 *       └──decline / withdrawClaim──┘
 *     open ──withdraw──▶ withdrawn     (a need: its village; a service: its provider, the township)
 *
 * Who is who (`ListActor`):
 * - a provider acts for a service it registered (`createdBy`) or is the staff of (`provider.staffId`);
 * - a village acts for the needs of its village (its committee: the role is `can()`'s to check, in
 *   the handler; this module checks the party — which village, which provider, which township);
 * - the township acts for the lists of its own township.
 *
 * Claims:
 * - a provider claims an open need with one of its open services (`claimNeed`); the village confirms;
 * - a village claims an open service for one of its open needs (`claimService`); the provider confirms;
 * - the township matches a pair itself (`assignPair`); the VILLAGE confirms (or declines), the
 *   provider does not: a service open on the township's list is a standing offer made to the
 *   township, and assigning it is taking that offer up, whereas the need's village is the one that
 *   knows whether this service answers its need, and the one that will rate it. (Both sides
 *   confirming would need a second confirmation on the stored claim, which the contract does not
 *   have.) A provider that cannot serve after all withdraws its service once the village has
 *   declined, or reports so on the ledger.
 * - only the side that did not claim confirms or declines, and never the very person who claimed
 *   (one person may be both a party member offering a service and on the village committee);
 * - the claiming side takes its claim back (`withdrawClaim`), the same way a decline does: the
 *   side, not only the very person who claimed (a colleague on the committee, another staff member
 *   of the township for its assignment; a provider's claim is its provider's).
 *
 * One service answers one need at a time (the contract keeps one claim per entry); a provider with
 * more capacity registers the service again. Need and service may be of different categories (a
 * legal service may answer a need filed under 邻里关系): the ledger files the pair under the need's.
 * Once matched, both keep their claim: it says who proposed the pair and when.
 */
import * as v from 'valibot'
import type {
  Claim,
  LedgerEntry,
  LedgerStatus,
  Need,
  NeedStatus,
  ProviderKind,
  Service,
} from '../../types/model/township'
import { csvFile, defuseFormula } from '../shared/csv'
import { DomainError } from '../shared/errors'
import { inShanghai, shanghaiDate } from '../shared/time'
import { id, optionalText, parseInput, payload, text } from '../shared/validate'

// ---------------------------------------------------------------------------------------------
// Categories, limits and the input of a new need and a new service

/**
 * The categories both lists use, so that a need and a service can be found for each other and the
 * ledger is counted per category. One table: an amendment is one edit.
 */
export const LIST_CATEGORIES = {
  elderly: '养老助老',
  children: '儿童关爱',
  health: '医疗健康',
  jobs: '就业创业',
  farming: '农业技术',
  legal: '法律服务',
  culture: '文化体育',
  environment: '环境整治',
  infrastructure: '基础设施',
  neighbourhood: '邻里关系',
  other: '其他',
} as const

export type ListCategory = keyof typeof LIST_CATEGORIES

export const LIST_CATEGORY_KEYS = Object.keys(LIST_CATEGORIES) as ListCategory[]

/** The category's words on screen (a key no longer in the table shows as it is stored). */
export function categoryLabel(category: string): string {
  return (LIST_CATEGORIES as Record<string, string>)[category] ?? category
}

export const PROVIDER_KINDS: Readonly<Record<ProviderKind, string>> = {
  organisation: '社会组织',
  enterprise: '企业',
  partyMember: '在职党员',
}

export const LIST_LIMITS = {
  description: 500,
  what: 500,
  place: 60,
  when: 60,
  providerName: 60,
  capacity: 60,
  area: 60,
  time: 60,
  progress: 500,
  comment: 200,
  peopleAffected: 100_000,
} as const

const categoryKey = v.picklist(LIST_CATEGORY_KEYS, '请选择类别')

const PEOPLE_AFFECTED = `受益人数应当是 1 到 ${LIST_LIMITS.peopleAffected} 之间的整数`
const peopleAffected = v.pipe(
  v.number(PEOPLE_AFFECTED),
  v.integer(PEOPLE_AFFECTED),
  v.minValue(1, PEOPLE_AFFECTED),
  v.maxValue(LIST_LIMITS.peopleAffected, PEOPLE_AFFECTED),
)

/** A new need (需求): what the village committee fills in, or gathers from a resident's matter. */
export const NEED_INPUT = payload({
  category: categoryKey,
  description: text('需求内容', LIST_LIMITS.description, { multiline: true }),
  place: text('地点', LIST_LIMITS.place),
  when: text('时间', LIST_LIMITS.when),
  peopleAffected,
  matterId: v.optional(id('事项编号')),
})

/** A new service (服务): who offers it, and what, how much, where and when. */
export const SERVICE_INPUT = payload({
  providerKind: v.picklist(
    Object.keys(PROVIDER_KINDS) as ProviderKind[],
    '请选择提供方类型（社会组织、企业或在职党员）',
  ),
  providerName: text('提供方名称', LIST_LIMITS.providerName),
  category: categoryKey,
  what: text('服务内容', LIST_LIMITS.what, { multiline: true }),
  capacity: text('服务能力', LIST_LIMITS.capacity),
  area: text('服务范围', LIST_LIMITS.area),
  time: text('服务时间', LIST_LIMITS.time),
})

export type NeedInput = v.InferOutput<typeof NEED_INPUT>
export type ServiceInput = v.InferOutput<typeof SERVICE_INPUT>

/** The units a new entry belongs to, from the caller's membership or staff record, never the request. */
export interface VillageUnit {
  districtId: string
  townshipId: string
  villageId: string
}

/** A new need as stored (without its `_id`), from checked input; refuses bad input in plain words. */
export function newNeed(
  input: unknown,
  unit: VillageUnit,
  createdBy: string,
  at: Date,
): Omit<Need, '_id'> {
  const i = parseInput(NEED_INPUT, input)
  return {
    districtId: unit.districtId,
    townshipId: unit.townshipId,
    villageId: unit.villageId,
    category: i.category,
    description: i.description,
    place: i.place,
    when: i.when,
    peopleAffected: i.peopleAffected,
    ...(i.matterId !== undefined ? { matterId: i.matterId } : {}),
    status: 'open',
    createdBy,
    createdAt: at,
    updatedAt: at,
  }
}

/** A new service as stored (without its `_id`); `staffId` when a provider's staff registers it. */
export function newService(
  input: unknown,
  unit: { districtId: string; townshipId: string },
  createdBy: string,
  at: Date,
  staffId?: string,
): Omit<Service, '_id'> {
  const i = parseInput(SERVICE_INPUT, input)
  return {
    districtId: unit.districtId,
    townshipId: unit.townshipId,
    provider: {
      kind: i.providerKind,
      name: i.providerName,
      ...(staffId !== undefined ? { staffId } : {}),
    },
    category: i.category,
    what: i.what,
    capacity: i.capacity,
    area: i.area,
    time: i.time,
    status: 'open',
    createdBy,
    createdAt: at,
    updatedAt: at,
  }
}

// ---------------------------------------------------------------------------------------------
// Who acts, and the status table

export type ListActor =
  /** Acts for the services it registered or is the staff of (a staff id or a member id). */
  | { kind: 'provider'; id: string }
  /** A member of a village (its committee): acts for that village's needs. */
  | { kind: 'village'; memberId: string; villageId: string }
  /** Staff of a township: acts for its township's lists. */
  | { kind: 'township'; staffId: string; townshipId: string }

/** Need and service share their statuses. */
export type ListStatus = NeedStatus

export const LIST_STATUS_LABELS: Readonly<Record<ListStatus, string>> = {
  open: '待认领',
  claimed: '待确认',
  matched: '已对接',
  withdrawn: '已撤回',
}

export const LIST_TRANSITIONS = {
  claim: { from: ['open'], to: 'claimed' },
  confirm: { from: ['claimed'], to: 'matched' },
  decline: { from: ['claimed'], to: 'open' },
  withdrawClaim: { from: ['claimed'], to: 'open' },
  withdraw: { from: ['open'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly ListStatus[]; to: ListStatus }>

export type ListAction = keyof typeof LIST_TRANSITIONS

export const LIST_ACTION_LABELS: Readonly<Record<ListAction, string>> = {
  claim: '认领',
  confirm: '确认认领',
  decline: '拒绝认领',
  withdrawClaim: '撤回认领',
  withdraw: '撤回',
}

const ENTRY_WORD = { need: '这条需求', service: '这项服务' } as const

/**
 * What to do first, when an act is refused in a status another act leads out of: a claimed entry
 * is withdrawn once its claim is declined or taken back.
 */
const FIRST: Partial<Record<ListAction, Partial<Record<ListStatus, string>>>> = {
  withdraw: {
    claimed: `请先${LIST_ACTION_LABELS.decline}或${LIST_ACTION_LABELS.withdrawClaim}。`,
  },
}

/**
 * The status `action` leads to from `from`, or CONFLICT naming the entry, its status and the act
 * (and what to do first, when something can be).
 */
export function listTransition(
  entry: 'need' | 'service',
  from: ListStatus,
  action: ListAction,
): ListStatus {
  const rule = LIST_TRANSITIONS[action]
  if (!(rule.from as readonly ListStatus[]).includes(from)) {
    throw new DomainError(
      'CONFLICT',
      `${ENTRY_WORD[entry]}现在是“${LIST_STATUS_LABELS[from]}”，不能${LIST_ACTION_LABELS[action]}。` +
        (FIRST[action]?.[from] ?? ''),
    )
  }
  return rule.to
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message)

/** Whether `actor` acts for the service: the staff member who registered it or who provides it. */
function actsForService(actor: ListActor, service: Service): boolean {
  return (
    actor.kind === 'provider' &&
    (actor.id === service.createdBy ||
      (service.provider.staffId !== undefined && actor.id === service.provider.staffId))
  )
}

function actsForNeed(actor: ListActor, need: Need): boolean {
  return actor.kind === 'village' && actor.villageId === need.villageId
}

function actsForTownship(actor: ListActor, townshipId: string): boolean {
  return actor.kind === 'township' && actor.townshipId === townshipId
}

function actorId(actor: ListActor): string {
  switch (actor.kind) {
    case 'provider':
      return actor.id
    case 'village':
      return actor.memberId
    case 'township':
      return actor.staffId
  }
}

function sameTownship(need: Need, service: Service): void {
  if (need.townshipId !== service.townshipId || need.districtId !== service.districtId) {
    throw forbidden('这条需求和这项服务不属于同一个乡镇（街道），不能对接。')
  }
}

/** A pair as it is after a claim: both `claimed`, the claim on each naming the other. */
function claimed(
  need: Need,
  service: Service,
  by: Claim['by'],
  claimedBy: string,
  at: Date,
): { need: Need; service: Service } {
  const status = listTransition('need', need.status, 'claim')
  listTransition('service', service.status, 'claim')
  return {
    need: { ...need, status, claim: { by, serviceId: service._id, claimedBy, at }, updatedAt: at },
    service: {
      ...service,
      status,
      claim: { by, needId: need._id, claimedBy, at },
      updatedAt: at,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The claims

/** A provider claims an open need with one of its open services: both `claimed`. */
export function claimNeed(
  need: Need,
  service: Service,
  by: ListActor,
  at: Date,
): { need: Need; service: Service } {
  if (!actsForService(by, service)) {
    throw forbidden('只有服务的提供方可以用这项服务认领需求。')
  }
  sameTownship(need, service)
  return claimed(need, service, 'provider', actorId(by), at)
}

/** A village claims an open service for one of its own open needs: both `claimed`. */
export function claimService(
  service: Service,
  need: Need,
  by: ListActor,
  at: Date,
): { need: Need; service: Service } {
  if (!actsForNeed(by, need)) {
    throw forbidden('只能为本村的需求认领服务。')
  }
  sameTownship(need, service)
  return claimed(need, service, 'village', actorId(by), at)
}

/** The township matches an open need with an open service of its own lists: both `claimed`. */
export function assignPair(
  need: Need,
  service: Service,
  by: ListActor,
  at: Date,
): { need: Need; service: Service } {
  sameTownship(need, service)
  if (!actsForTownship(by, need.townshipId)) {
    throw forbidden('只有本乡镇（街道）的工作人员可以直接对接需求和服务。')
  }
  return claimed(need, service, 'township', actorId(by), at)
}

/** The claim both entries hold, when they hold the same one; CONFLICT otherwise. */
function pairClaim(need: Need, service: Service, action: ListAction): Claim {
  listTransition('need', need.status, action)
  listTransition('service', service.status, action)
  const a = need.claim
  const b = service.claim
  if (
    a === undefined ||
    b === undefined ||
    a.serviceId !== service._id ||
    b.needId !== need._id ||
    a.by !== b.by ||
    a.claimedBy !== b.claimedBy
  ) {
    throw new DomainError('CONFLICT', '这条需求和这项服务不是同一次认领，请刷新后再试。')
  }
  return a
}

/** Whether `actor` is the side that must answer `claim` (confirm or decline it). */
function answersClaim(actor: ListActor, claim: Claim, need: Need, service: Service): boolean {
  switch (claim.by) {
    case 'provider':
      return actsForNeed(actor, need)
    case 'village':
      return actsForService(actor, service)
    case 'township':
      return actsForNeed(actor, need)
  }
}

/** Whether `actor` is on the side that made `claim` (and may take it back). */
function madeClaim(actor: ListActor, claim: Claim, need: Need, service: Service): boolean {
  switch (claim.by) {
    case 'provider':
      return actsForService(actor, service)
    case 'village':
      return actsForNeed(actor, need)
    case 'township':
      return actsForTownship(actor, need.townshipId)
  }
}

const ANSWERING_SIDE: Readonly<Record<Claim['by'], string>> = {
  provider: '需求所在的村',
  village: '服务的提供方',
  township: '需求所在的村',
}

function mayAnswer(actor: ListActor, claim: Claim, need: Need, service: Service, act: string) {
  if (actorId(actor) === claim.claimedBy) {
    throw forbidden(`不能${act}自己的认领，要由${ANSWERING_SIDE[claim.by]}${act}。`)
  }
  if (!answersClaim(actor, claim, need, service)) {
    throw forbidden(`这次认领要由${ANSWERING_SIDE[claim.by]}${act}。`)
  }
}

/**
 * The other side confirms a claim: both `matched`, and the ledger entry it becomes (without its
 * `_id`), filed under the need's category and the Shanghai month of the confirmation.
 */
export function confirmClaim(
  need: Need,
  service: Service,
  by: ListActor,
  at: Date,
): { need: Need; service: Service; entry: Omit<LedgerEntry, '_id'> } {
  const claim = pairClaim(need, service, 'confirm')
  mayAnswer(by, claim, need, service, '确认')
  const status = listTransition('need', need.status, 'confirm')
  return {
    need: { ...need, status, updatedAt: at },
    service: { ...service, status, updatedAt: at },
    entry: {
      districtId: need.districtId,
      townshipId: need.townshipId,
      villageId: need.villageId,
      needId: need._id,
      serviceId: service._id,
      category: need.category,
      month: shanghaiMonth(at),
      status: 'inProgress',
      progress: [],
      createdAt: at,
      updatedAt: at,
    },
  }
}

function withoutClaim<T extends { claim?: Claim }>(entry: T): T {
  const copy = { ...entry }
  delete copy.claim
  return copy
}

function reopened(need: Need, service: Service, at: Date): { need: Need; service: Service } {
  return {
    need: { ...withoutClaim(need), status: 'open', updatedAt: at },
    service: { ...withoutClaim(service), status: 'open', updatedAt: at },
  }
}

/** The other side declines a claim: both `open` again, the claim gone. */
export function declineClaim(
  need: Need,
  service: Service,
  by: ListActor,
  at: Date,
): { need: Need; service: Service } {
  const claim = pairClaim(need, service, 'decline')
  mayAnswer(by, claim, need, service, '拒绝')
  return reopened(need, service, at)
}

/** The claiming side takes its claim back before it is answered: both `open` again. */
export function withdrawClaim(
  need: Need,
  service: Service,
  by: ListActor,
  at: Date,
): { need: Need; service: Service } {
  const claim = pairClaim(need, service, 'withdrawClaim')
  if (!madeClaim(by, claim, need, service)) {
    throw forbidden('只有认领的一方可以撤回这次认领。')
  }
  return reopened(need, service, at)
}

/**
 * Whether a staff member of the pair's township may take its claim back (撤回认领), as their list
 * shows it: the township's match is any of its staff's; a provider's claim is its provider's — with
 * the service at hand, whoever acts for it; with only the need, the staff member who made the claim
 * (they acted for the service to make it); a village's claim is the village's alone.
 */
export function staffMayTakeBack(staffId: string, claim: Claim, service?: Service): boolean {
  switch (claim.by) {
    case 'township':
      return true
    case 'provider':
      return service
        ? actsForService({ kind: 'provider', id: staffId }, service)
        : claim.claimedBy === staffId
    case 'village':
      return false
  }
}

/**
 * The village that raised it takes an open need off the list (a claimed one is declined or its
 * claim withdrawn first; a matched one lives on in the ledger). The township does not: the need
 * is the village's, and the township raises none of its own.
 */
export function withdrawNeed(need: Need, by: ListActor, at: Date): Need {
  if (!actsForNeed(by, need)) {
    throw forbidden('只有提出需求的村可以撤回这条需求。')
  }
  return { ...need, status: listTransition('need', need.status, 'withdraw'), updatedAt: at }
}

/** Its provider, or the township, takes an open service off the list. */
export function withdrawService(service: Service, by: ListActor, at: Date): Service {
  if (!actsForService(by, service) && !actsForTownship(by, service.townshipId)) {
    throw forbidden('只有服务的提供方或本乡镇（街道）可以撤回这项服务。')
  }
  return {
    ...service,
    status: listTransition('service', service.status, 'withdraw'),
    updatedAt: at,
  }
}

// ---------------------------------------------------------------------------------------------
// The ledger (台账)

/** `YYYY-MM` of the instant in Shanghai: the ledger's month. */
export function shanghaiMonth(at: Date): string {
  return inShanghai(at).format('YYYY-MM')
}

export const LEDGER_STATUS_LABELS: Readonly<Record<LedgerStatus, string>> = {
  inProgress: '进行中',
  completed: '已完成',
}

const progressText = text('进展', LIST_LIMITS.progress, { multiline: true })
const ratingComment = optionalText('评价', LIST_LIMITS.comment, { multiline: true })

function inProgress(entry: LedgerEntry, act: string): void {
  if (entry.status !== 'inProgress') {
    throw new DomainError(
      'CONFLICT',
      `这条台账现在是“${LEDGER_STATUS_LABELS[entry.status]}”，不能${act}。`,
    )
  }
}

/**
 * A progress report on an entry in progress (`by`: the staff or member id; whether they may — the
 * provider of the pair's service, the township, the village's committee — the handler asks `can`).
 */
export function addProgress(entry: LedgerEntry, by: string, raw: unknown, at: Date): LedgerEntry {
  inProgress(entry, '报告进展')
  const said = parseInput(progressText, raw ?? '')
  return { ...entry, progress: [...entry.progress, { at, by, text: said }], updatedAt: at }
}

/** The words the completion leaves on the entry's progress. */
export const COMPLETED_TEXT = '已完成'

/** The entry is done: `completed` at `at`, recorded on its progress with who said so. */
export function completeEntry(entry: LedgerEntry, by: string, at: Date): LedgerEntry {
  inProgress(entry, '标记完成')
  return {
    ...entry,
    status: 'completed',
    completedAt: at,
    progress: [...entry.progress, { at, by, text: COMPLETED_TEXT }],
    updatedAt: at,
  }
}

/**
 * 民意测评 of the pair: a member of the need's village rates the completed entry, once, 1–5 with an
 * optional comment.
 */
export function rateEntry(
  entry: LedgerEntry,
  villageMember: { memberId: string; villageId: string },
  score: unknown,
  comment: unknown,
  at: Date,
): LedgerEntry {
  if (villageMember.villageId !== entry.villageId) {
    throw forbidden('只有需求所在的村可以评价这条台账。')
  }
  if (entry.status !== 'completed') {
    throw new DomainError('CONFLICT', '服务完成以后才能评价。')
  }
  if (entry.rating !== undefined) {
    throw new DomainError('CONFLICT', '这条台账已经评价过了，不能再评。')
  }
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    throw new DomainError('INVALID_INPUT', '评分应当是 1 到 5 分。')
  }
  const said = parseInput(ratingComment, comment ?? '')
  return {
    ...entry,
    rating: {
      score: score as 1 | 2 | 3 | 4 | 5,
      comment: said,
      by: villageMember.memberId,
      at,
    },
    updatedAt: at,
  }
}

/** What the export and the township's screen name an entry's parts by. */
export interface LedgerLookups {
  villages: Readonly<Record<string, { name: string }>>
  needs: Readonly<Record<string, Pick<Need, 'description'>>>
  services: Readonly<Record<string, Pick<Service, 'what' | 'provider'>>>
}

export const LEDGER_CSV_HEADER = [
  '月份',
  '类别',
  '村',
  '需求',
  '服务',
  '提供方',
  '状态',
  '完成日期',
  '评分',
  '评价',
] as const

function categoryOrder(category: string): number {
  const i = (LIST_CATEGORY_KEYS as readonly string[]).indexOf(category)
  return i === -1 ? LIST_CATEGORY_KEYS.length : i
}

/** Month, then category in the table's order (unknown ones last, by key), then oldest first, then id. */
function ledgerOrder(a: LedgerEntry, b: LedgerEntry): number {
  const by = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return (
    by(a.month, b.month) ||
    categoryOrder(a.category) - categoryOrder(b.category) ||
    by(a.category, b.category) ||
    new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
    by(a._id, b._id)
  )
}

/**
 * The ledger as a CSV file for a spreadsheet: the Chinese header, one row per entry by month and
 * category (the handler chooses which entries: a month, a category, a township), every text
 * defused and quoted (../shared/csv.ts), UTF-8 with a byte-order mark so Excel reads the Chinese.
 * A name the lookups lack shows as its id.
 */
export function ledgerCsv(entries: readonly LedgerEntry[], lookups: LedgerLookups): string {
  const rows = [...entries].sort(ledgerOrder).map((e) => {
    const service = lookups.services[e.serviceId]
    return [
      e.month,
      categoryLabel(e.category),
      lookups.villages[e.villageId]?.name ?? e.villageId,
      lookups.needs[e.needId]?.description ?? e.needId,
      service?.what ?? e.serviceId,
      service?.provider.name ?? '',
      LEDGER_STATUS_LABELS[e.status],
      e.completedAt !== undefined ? shanghaiDate(e.completedAt) : '',
      e.rating !== undefined ? String(e.rating.score) : '',
      e.rating?.comment ?? '',
    ].map(defuseFormula)
  })
  return csvFile([[...LEDGER_CSV_HEADER], ...rows])
}

/** One group of the township's ledger screen. */
export interface LedgerGroup {
  month: string
  category: string
  label: string
  entries: LedgerEntry[]
  completed: number
  rated: number
}

/** The ledger grouped for the township's screen: the latest month first, categories in table order. */
export function ledgerByCategoryMonth(entries: readonly LedgerEntry[]): LedgerGroup[] {
  const groups = new Map<string, LedgerGroup>()
  for (const e of [...entries].sort(ledgerOrder)) {
    const key = `${e.month}\u0000${e.category}`
    let g = groups.get(key)
    if (g === undefined) {
      g = {
        month: e.month,
        category: e.category,
        label: categoryLabel(e.category),
        entries: [],
        completed: 0,
        rated: 0,
      }
      groups.set(key, g)
    }
    g.entries.push(e)
    if (e.status === 'completed') g.completed += 1
    if (e.rating !== undefined) g.rated += 1
  }
  // Entries came sorted by month ascending; the screen wants the latest month first, keeping the
  // category order within a month.
  return [...groups.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))
}

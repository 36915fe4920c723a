// The one declaration of the project's collections and their indexes. Plain data: the emulator
// receives it as configuration, function code imports the names, and deployment turns each index
// into a CloudBase index (MgoKeySchema: { MgoIsUnique, MgoIndexKeys: [{ Name, Direction }] }).

export interface IndexKey {
  readonly field: string
  readonly direction: 1 | -1
}

export interface IndexDeclaration {
  readonly name: string
  readonly keys: readonly IndexKey[]
  readonly unique?: boolean
}

export interface CollectionDeclaration {
  readonly name: string
  readonly indexes: readonly IndexDeclaration[]
  /**
   * Indexes an older release declared that must go (deploy drops each one that exists, after
   * creating the declared ones; the emulator keeps only the declared ones anyway). A name here is
   * never reused by `indexes`: deploy refuses an existing index of that name with other keys.
   */
  readonly dropIndexes?: readonly string[]
}

export const COLLECTION = {
  villages: 'villages',
  members: 'members',
  households: 'households',
  persons: 'persons',
  matters: 'matters',
  agendas: 'agendas',
  agendaSlots: 'agendaSlots',
  statements: 'statements',
  statementReports: 'statementReports',
  postingWindows: 'postingWindows',
  ratings: 'ratings',
  auditLogs: 'auditLogs',
  polls: 'polls',
  ballots: 'ballots',
  pollVoters: 'pollVoters',
  proxyCounters: 'proxyCounters',
  subscriptions: 'subscriptions',
  outbox: 'outbox',
  // Above the village (#14): the district, its townships and departments, their staff, the two
  // lists and the ledger (the township function), whistles, mediation cases.
  districts: 'districts',
  townships: 'townships',
  departments: 'departments',
  staff: 'staff',
  needs: 'needs',
  services: 'services',
  ledger: 'ledger',
  whistles: 'whistles',
  mediations: 'mediations',
  // The dashboards' counts: one per village and month (#14).
  rollups: 'rollups',
} as const

export type CollectionName = (typeof COLLECTION)[keyof typeof COLLECTION]

const key = (field: string, direction: 1 | -1 = 1): IndexKey => ({ field, direction })

export const COLLECTIONS: readonly CollectionDeclaration[] = [
  {
    name: COLLECTION.villages,
    indexes: [
      // 邀请码: one village per code. MongoDB counts a missing field as null, so on CloudBase every
      // village must have its code before this index is created (the invite-code migration gives
      // the older ones theirs); the emulator, like SQLite, lets documents without it coexist.
      { name: 'inviteCode', unique: true, keys: [key('inviteCode')] },
      // 村委会启用码 (claimVillage): a village not yet claimed, by its code's hash.
      { name: 'founding_codeHash', keys: [key('founding.codeHash')] },
      // 加入村子's list and search, by name (and village:create's one village per name).
      { name: 'name', keys: [key('name')] },
      // the dashboards: a township's villages, the district's
      { name: 'townshipId', keys: [key('townshipId')] },
      { name: 'districtId', keys: [key('districtId')] },
    ],
  },
  {
    name: COLLECTION.members,
    indexes: [
      // One membership per WeChat user and village (#14: a person may belong to several): asking
      // again in a village updates the same record. Its openid prefix serves the lookup of all the
      // caller's memberships (actor.ts), so no index on openid alone is kept.
      { name: 'openid_villageId', unique: true, keys: [key('openid'), key('villageId')] },
      { name: 'villageId_status', keys: [key('villageId'), key('status')] },
      // the committee's list of a village's members, oldest request first
      { name: 'villageId_requestedAt', keys: [key('villageId'), key('requestedAt')] },
    ],
    // Before #14: one membership per WeChat user. It must go before a second can be written.
    dropIndexes: ['openid'],
  },
  {
    name: COLLECTION.households,
    indexes: [{ name: 'villageId_number', unique: true, keys: [key('villageId'), key('number')] }],
  },
  {
    name: COLLECTION.persons,
    indexes: [
      { name: 'villageId_householdId', keys: [key('villageId'), key('householdId')] },
      // the register, in the order persons were put on it
      { name: 'villageId_createdAt', keys: [key('villageId'), key('createdAt')] },
    ],
  },
  {
    name: COLLECTION.matters,
    indexes: [
      { name: 'villageId_raisedAt', keys: [key('villageId'), key('raisedAt', -1)] },
      { name: 'villageId_status', keys: [key('villageId'), key('status')] },
      { name: 'villageId_talkDay', keys: [key('villageId'), key('talkDay')] },
      // 首页's urgent matters being handled, newest first.
      {
        name: 'villageId_urgent_raisedAt',
        keys: [key('villageId'), key('urgent'), key('raisedAt', -1)],
      },
      { name: 'raisedBy', keys: [key('raisedBy')] },
      // the scheduler's 接诉即办 reminders: raised matters by deadline, all villages
      { name: 'status_respondBy', keys: [key('status'), key('respondBy')] },
    ],
  },
  {
    // The old agenda shape (`<villageId>_<date>`, a list of matter ids): emptied by the
    // agendaSlots migration, kept declared so the migration finds it.
    name: COLLECTION.agendas,
    indexes: [{ name: 'villageId_date', unique: true, keys: [key('villageId'), key('date')] }],
  },
  {
    // Document id: `<villageId>_<date>_<slot>` (slot 1 … agendaSize): the unique _id is the
    // agenda's capacity.
    name: COLLECTION.agendaSlots,
    indexes: [
      { name: 'villageId_date', keys: [key('villageId'), key('date')] },
      { name: 'matterId', keys: [key('matterId')] },
    ],
  },
  {
    name: COLLECTION.statements,
    indexes: [
      { name: 'matterId_at', keys: [key('matterId'), key('at', -1)] },
      { name: 'authorId_at', keys: [key('authorId'), key('at', -1)] },
      // the moderators' queue: a village's hidden statements
      { name: 'villageId_hidden', keys: [key('villageId'), key('hidden')] },
    ],
  },
  {
    // Document id: `<statementId>_<memberId>`: one report per member and statement.
    name: COLLECTION.statementReports,
    indexes: [
      { name: 'statementId_at', keys: [key('statementId'), key('at')] },
      // the moderators' queue: a village's reports
      { name: 'villageId', keys: [key('villageId')] },
    ],
  },
  // Document id: the member id (the rate limit on posting).
  { name: COLLECTION.postingWindows, indexes: [] },
  {
    // Document id: `<matterId>_<memberId>`: one rating per member and matter.
    name: COLLECTION.ratings,
    indexes: [{ name: 'matterId', keys: [key('matterId')] }],
  },
  {
    name: COLLECTION.auditLogs,
    indexes: [
      { name: 'subjectId_at', keys: [key('subjectId'), key('at')] },
      { name: 'villageId_at', keys: [key('villageId'), key('at', -1)] },
    ],
  },
  {
    // 民事民决: one poll on a matter (the polls function owns it).
    name: COLLECTION.polls,
    indexes: [
      // a matter's polls, newest first
      { name: 'matterId_createdAt', keys: [key('matterId'), key('createdAt', -1)] },
      { name: 'status_closesAt', keys: [key('status'), key('closesAt')] },
      // the console's open polls
      { name: 'villageId_status', keys: [key('villageId'), key('status')] },
    ],
  },
  {
    // Document id: a keyed HMAC of poll and person (one ballot per person, no voter stored).
    name: COLLECTION.ballots,
    indexes: [{ name: 'pollId', keys: [key('pollId')] }],
  },
  {
    // The electorate frozen at opening and its turnout: one document per person of one poll.
    name: COLLECTION.pollVoters,
    indexes: [
      // a poll's electorate and turnout, by person
      { name: 'pollId_personId', keys: [key('pollId'), key('personId')] },
      // 我的投票: the polls a person may vote in.
      { name: 'personId', keys: [key('personId')] },
    ],
  },
  {
    // Document id: `<pollId>_<recorderMemberId>`: the 代投 one recorder made in one poll (its limit).
    name: COLLECTION.proxyCounters,
    indexes: [{ name: 'pollId', keys: [key('pollId')] }],
  },
  {
    // 订阅消息: Document id `<topic>_<subjectId>_<memberId>` (one per person, topic and subject).
    // An event finds its subscribers by topic and subject (the committee's: subject `village`);
    // a whistle's, the staff subscribed for a unit (topic `staff`, no village: `staffId` instead).
    name: COLLECTION.subscriptions,
    indexes: [
      {
        name: 'villageId_topic_subjectId',
        keys: [key('villageId'), key('topic'), key('subjectId')],
      },
      { name: 'topic_subjectId', keys: [key('topic'), key('subjectId')] },
    ],
  },
  {
    // Document id `<event>_<subjectId>_<memberId>` (or `_<staffId>`): at most one message per
    // person and event.
    // The sender takes the queued ones oldest first; the emulator's console lists the newest.
    name: COLLECTION.outbox,
    indexes: [
      { name: 'status_createdAt', keys: [key('status'), key('createdAt')] },
      { name: 'villageId_createdAt', keys: [key('villageId'), key('createdAt', -1)] },
    ],
  },
  {
    name: COLLECTION.districts,
    // district:import refuses a second district of the same name
    indexes: [{ name: 'name', keys: [key('name')] }],
  },
  {
    name: COLLECTION.townships,
    indexes: [{ name: 'districtId', keys: [key('districtId')] }],
  },
  {
    // 区直部门 (no townshipId) and a township's 站所.
    name: COLLECTION.departments,
    indexes: [
      // whistleOptions: a district's departments and a township's stations, by name
      { name: 'districtId_name', keys: [key('districtId'), key('name')] },
      { name: 'townshipId_name', keys: [key('townshipId'), key('name')] },
    ],
  },
  {
    // A person working for a unit: found by the caller's OPENID once claimed, by its 启用码's
    // hash before.
    name: COLLECTION.staff,
    indexes: [
      { name: 'openid', keys: [key('openid')] },
      { name: 'founding_codeHash', keys: [key('founding.codeHash')] },
    ],
  },
  {
    // 需求清单: a township's list by status, newest first, and of every status (the staff's list
    // without a filter); a village's own.
    name: COLLECTION.needs,
    indexes: [
      {
        name: 'townshipId_status_createdAt',
        keys: [key('townshipId'), key('status'), key('createdAt', -1)],
      },
      { name: 'townshipId_createdAt', keys: [key('townshipId'), key('createdAt', -1)] },
      { name: 'villageId_createdAt', keys: [key('villageId'), key('createdAt', -1)] },
    ],
  },
  {
    // 服务清单: a township's list by status, newest first, and of every status.
    name: COLLECTION.services,
    indexes: [
      {
        name: 'townshipId_status_createdAt',
        keys: [key('townshipId'), key('status'), key('createdAt', -1)],
      },
      { name: 'townshipId_createdAt', keys: [key('townshipId'), key('createdAt', -1)] },
    ],
  },
  {
    // 台账: per township (and village) and month.
    name: COLLECTION.ledger,
    indexes: [
      { name: 'townshipId_month', keys: [key('townshipId'), key('month')] },
      { name: 'villageId_month', keys: [key('villageId'), key('month')] },
    ],
  },
  {
    // 吹哨报到: a matter's whistles; a department's and a township's open ones by due time; the
    // scheduler's unanswered ones past their clock, all districts.
    name: COLLECTION.whistles,
    indexes: [
      { name: 'matterId_raisedAt', keys: [key('matterId'), key('raisedAt')] },
      {
        name: 'departmentId_status_dueAt',
        keys: [key('departmentId'), key('status'), key('dueAt')],
      },
      { name: 'townshipId_status_dueAt', keys: [key('townshipId'), key('status'), key('dueAt')] },
      { name: 'status_dueAt', keys: [key('status'), key('dueAt')] },
    ],
  },
  {
    // 调解: at most one case per matter; a village's cases, newest first (by status, too).
    name: COLLECTION.mediations,
    indexes: [
      { name: 'matterId', unique: true, keys: [key('matterId')] },
      { name: 'villageId_createdAt', keys: [key('villageId'), key('createdAt', -1)] },
    ],
  },
  {
    // The dashboards' counts, document id `<villageId>_<YYYY-MM>_<shard>`: a unit's villages' twelve
    // months (villageId in [...], month in [...]), summed by one aggregation.
    name: COLLECTION.rollups,
    indexes: [{ name: 'villageId_month', keys: [key('villageId'), key('month')] }],
  },
]

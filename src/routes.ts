/** Every page's path, in one place: pages and tests import these instead of spelling paths. */
export const ROUTES = {
  /** 首页 (tab) */
  home: '/pages/index/index',
  /** 议事 (tab): matters by status, with a search */
  matters: '/pages/matters/index',
  /** 我的 (tab) */
  me: '/pages/me/index',
  /** 我要提事 */
  raise: '/packages/matters/pages/raise/index',
  /** One matter: its story, discussion, vote card and rating (`?id=<matterId>`) */
  matter: '/packages/matters/pages/detail/index',
  /** 加入村子: by name, invite code or QR code (`?invite=<code>` from a scanned QR code) */
  join: '/packages/me/pages/join/index',
  /** 我的投票 */
  votes: '/packages/me/pages/votes/index',
  /** 隐私说明: what is stored and why */
  privacy: '/packages/me/pages/privacy/index',
  /** 村务: the committee's console */
  console: '/packages/committee/pages/index/index',
  /** 成员审核: join requests, members, roles, links to the register */
  members: '/packages/committee/pages/members/index',
  /** 户籍名册: persons, 户代表, 村民代表, the CSV import */
  register: '/packages/committee/pages/register/index',
  /** 村里的设置 */
  settings: '/packages/committee/pages/settings/index',
  /** The committee on one matter (`?id=<matterId>`) */
  committeeMatter: '/packages/committee/pages/matter/index',
  /** 说事日议程: the coming talk days' agendas */
  agenda: '/packages/committee/pages/agenda/index',
  /** 超期未答复 (接诉即办) */
  overdue: '/packages/committee/pages/overdue/index',
  /** 开题 */
  topic: '/packages/committee/pages/topic/index',
  /** 发起表决 (`?matterId=` a new draft, or `?pollId=` a draft to edit and open) */
  pollDraft: '/packages/committee/pages/poll/index',
  /** 现场投票 at the meeting (`?pollId=`) */
  meeting: '/packages/committee/pages/meeting/index',
  /** 主持说事: the moderator's run sheet (`?talkDay=YYYY-MM-DD`, default the next) */
  runSheet: '/packages/moderator/pages/runsheet/index',
  /** 发言审核: the moderator's queue */
  moderationQueue: '/packages/moderator/pages/queue/index',
  /** 调解: one case, by its matter (`?matterId=`): whole for its people, the brief for others */
  mediation: '/packages/mediation/pages/case/index',
  /** 调解案件: the village's cases (the legal officer's and the committee's list) */
  mediations: '/packages/mediation/pages/list/index',
  /** 开始调解: the legal officer chooses the parties (`?matterId=`) */
  openMediation: '/packages/mediation/pages/open/index',
  /** 决议公告 (`?pollId=`) */
  notice: '/packages/notice/pages/index/index',
  /** 需求与服务: the committee's side of the township's two lists (`?matterId=` a need from a matter) */
  villageNeeds: '/packages/committee/pages/needs/index',
  /** 乡镇/部门工作台: the caller's staff units, or the 启用码 form */
  township: '/packages/township/pages/index/index',
  /** 需求清单 of a township (`?townshipId=` for one who works for more than one) */
  townshipNeeds: '/packages/township/pages/needs/index',
  /** 服务清单 of a township */
  townshipServices: '/packages/township/pages/services/index',
  /** 登记服务 */
  townshipOffer: '/packages/township/pages/offer/index',
  /** 台账 of a township, by month */
  townshipLedger: '/packages/township/pages/ledger/index',
  /** 吹哨事项: the whistles the caller's unit must answer (`?staffId=` which staff record) */
  townshipWhistles: '/packages/township/pages/whistles/index',
  /** 办理吹哨: one whistle (`?id=<whistleId>&matterId=`) */
  townshipWhistle: '/packages/township/pages/whistle/index',
  /** 数据看板 of the caller's own unit (`?unit=village|township|district&month=YYYY-MM`) */
  dashboard: '/packages/township/pages/dashboard/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

/** The three pages of the bottom bar. */
export const TABS = [
  { key: 'home', route: ROUTES.home, label: '首页' },
  { key: 'matters', route: ROUTES.matters, label: '议事' },
  { key: 'me', route: ROUTES.me, label: '我的' },
] as const

export type TabKey = (typeof TABS)[number]['key']

export const matterUrl = (matterId: string): string =>
  `${ROUTES.matter}?id=${encodeURIComponent(matterId)}`

export const mediationUrl = (matterId: string): string =>
  `${ROUTES.mediation}?matterId=${encodeURIComponent(matterId)}`

/** A route with its query, encoded (`withQuery(ROUTES.meeting, { pollId })`). */
export const withQuery = (route: Route, query: Record<string, string>): string => {
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return q ? `${route}?${q}` : route
}

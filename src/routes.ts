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

/**
 * Every page of the app (src/app.config.ts) with what a person must see on it, written by hand
 * from the demo village (domain/village/demo.ts, domain/matters/demo.ts) seeded at DEMO_NOW
 * (Saturday 2026-11-21 09:00 Shanghai; next 说事日 Tuesday the 24th) and the page ids of
 * /work/APP-CONTRACT.md. Used by the page tests in both builds, the accessibility check, the
 * screenshots and the bench, so a page added to the app without a line here is noticed
 * (`e2e/pages.e2e.test.ts` compares this list with app.config).
 */
import { ROUTES } from '../../src/routes'

export type Who = string | 'newcomer'

export interface PageCase {
  /** Short key for files (`test-results/page-<key>.png`). */
  readonly key: string
  /** What a villager calls it. */
  readonly name: string
  /** The route, with its leading slash (ROUTES.*). */
  readonly route: string
  readonly query?: Readonly<Record<string, string>>
  /** Who opens it: a demo member's id, or a brand-new WeChat user. */
  readonly as: Who
  /** The page's main content: this element, showing these words. */
  readonly main: { readonly selector: string; readonly words?: string }
  /**
   * The function calls it makes when opened inside the app (issue #11: one per screen open; the
   * matter page adds polls.getPoll only when a poll is open or counted).
   */
  readonly calls: readonly string[]
}

/** The pages, one line each; extra lines open the matter page in other states. */
export const PAGES: readonly PageCase[] = [
  {
    key: 'home',
    name: '首页',
    route: ROUTES.home,
    as: 'demo-resident-1',
    // The first matter on the 24th's agenda (placed first by the committee).
    main: { selector: '#home-agenda .matter-item', words: '文化广场晚上跳舞声音太大' },
    calls: ['matters.getHome'],
  },
  {
    key: 'home-newcomer',
    name: '首页（还没加入村子）',
    route: ROUTES.home,
    as: 'newcomer',
    main: { selector: '#home-join', words: '去加入村子' },
    calls: ['matters.getHome'],
  },
  {
    key: 'matters',
    name: '议事',
    route: ROUTES.matters,
    as: 'demo-resident-1',
    // 待受理 first; the newest raised matter is 陈大山's own, raised a day ago.
    main: { selector: '#matters-list .matter-item', words: '村口路灯坏了' },
    calls: ['matters.listMatters'],
  },
  {
    key: 'me',
    name: '我的',
    route: ROUTES.me,
    as: 'demo-resident-1',
    main: { selector: '#me-name', words: '陈大山' },
    // 我的 reads the member and their matters from the one getHome answer.
    calls: ['matters.getHome'],
  },
  {
    key: 'raise',
    name: '我要提事',
    route: ROUTES.raise,
    as: 'demo-resident-1',
    main: { selector: '#raise-submit', words: '提交' },
    calls: ['village.getMe'],
  },
  {
    key: 'matter',
    name: '事项（议事中）',
    route: ROUTES.matter,
    query: { id: 'demo-matter-discussing' },
    as: 'demo-resident-1',
    main: { selector: '#matter-title', words: '停车位怎么分' },
    calls: ['matters.getMatter'],
  },
  {
    key: 'matter-handling',
    name: '事项（办理中）',
    route: ROUTES.matter,
    query: { id: 'demo-matter-handling' },
    as: 'demo-resident-1',
    main: { selector: '#matter-handling', words: '减速带已经买好，周末安装。' },
    calls: ['matters.getMatter'],
  },
  {
    key: 'matter-resolved',
    name: '事项（已办结，可以评价）',
    route: ROUTES.matter,
    query: { id: 'demo-matter-resolved' },
    as: 'demo-resident-1',
    main: { selector: '#matter-outcome', words: '水厂换了 300 米新管，水压正常了。' },
    calls: ['matters.getMatter'],
  },
  {
    key: 'join',
    name: '加入村子',
    route: ROUTES.join,
    as: 'newcomer',
    main: { selector: '#join-search' },
    calls: ['village.listVillages'],
  },
  {
    key: 'votes',
    name: '我的投票',
    route: ROUTES.votes,
    as: 'demo-resident-1',
    // No poll in the seeded demo: the empty state.
    main: { selector: '#votes-empty' },
    calls: ['polls.listMyVotes'],
  },
  {
    key: 'privacy',
    name: '隐私说明',
    route: ROUTES.privacy,
    as: 'demo-resident-1',
    main: { selector: '#privacy-title', words: '隐私' },
    calls: [],
  },
  // matters (committee console, #12): written by hand from the demo village at DEMO_NOW.
  {
    key: 'committee-matter',
    name: '处理事项（待受理）',
    route: ROUTES.committeeMatter,
    query: { id: 'demo-matter-raised' },
    as: 'demo-committee',
    // Raised a day ago: the 接诉即办 clock (getMe gives the deadline and the talk days).
    main: { selector: '#cmatter-title', words: '村口路灯坏了' },
    calls: ['matters.getMatter', 'village.getMe'],
  },
  {
    key: 'committee-matter-handling',
    name: '处理事项（办理中）',
    route: ROUTES.committeeMatter,
    query: { id: 'demo-matter-handling' },
    as: 'demo-committee',
    main: { selector: '#cmatter-handling', words: '减速带已经买好，周末安装。' },
    calls: ['matters.getMatter'],
  },
  {
    key: 'agenda',
    name: '说事日议程',
    route: ROUTES.agenda,
    as: 'demo-committee',
    main: { selector: '#agenda-day-2026-11-24', words: '文化广场晚上跳舞声音太大' },
    calls: ['matters.getConsole'],
  },
  {
    key: 'overdue',
    name: '超期未答复',
    route: ROUTES.overdue,
    as: 'demo-committee',
    main: { selector: '#overdue-list', words: '垃圾桶不够用' },
    calls: ['village.getMe', 'matters.listMatters'],
  },
  {
    key: 'topic',
    name: '开题',
    route: ROUTES.topic,
    as: 'demo-committee',
    main: { selector: '#topic-submit', words: '开题' },
    calls: [],
  },
  {
    key: 'poll-draft',
    name: '发起表决',
    route: ROUTES.pollDraft,
    query: { matterId: 'demo-matter-discussing' },
    as: 'demo-committee',
    main: { selector: '#poll-matter', words: '停车位怎么分' },
    calls: ['matters.getMatter', 'village.getVillage'],
  },
  // members (committee console, #12): written by hand from the demo village at DEMO_NOW.
  {
    key: 'console',
    name: '村务',
    route: ROUTES.console,
    as: 'demo-committee',
    // 村口路灯坏了 was raised a day ago and waits for the committee's answer.
    main: { selector: '#console-incoming', words: '村口路灯坏了' },
    calls: ['matters.getConsole'],
  },
  {
    key: 'members',
    name: '成员审核',
    route: ROUTES.members,
    as: 'demo-committee',
    // The oldest of the three requests waiting.
    main: { selector: '#members-pending', words: '钱多多' },
    calls: ['village.listMembers'],
  },
  {
    key: 'register',
    name: '户籍名册',
    route: ROUTES.register,
    as: 'demo-committee',
    // The first household of the demo register: 001, 张建国's.
    main: { selector: '#register-persons', words: '张建国' },
    calls: ['village.listPersons'],
  },
  {
    key: 'settings',
    name: '村里的设置',
    route: ROUTES.settings,
    as: 'demo-committee',
    main: { selector: '#settings-form', words: '示范村的设置' },
    calls: ['village.getVillage'],
  },
  // meeting (现场投票, 主持说事, 发言审核, #12): written by hand from the demo village at DEMO_NOW.
  {
    key: 'meeting',
    name: '现场投票（已计票）',
    route: ROUTES.meeting,
    query: { pollId: 'demo-poll-canteen' },
    as: 'demo-committee',
    // The seeded counted poll on 村里办老年食堂 (e2e/offline and journey (c) open an open one).
    main: {
      selector: '#meeting-question',
      words: '是否同意利用村委会旧办公室办老年食堂，每餐收 5 元，不足部分由集体补贴？',
    },
    // The poll, its turnout and who was reached, asked together (Promise.all).
    calls: ['polls.getPoll', 'polls.listVoters', 'polls.reachReport'],
  },
  {
    key: 'runsheet',
    name: '主持说事',
    route: ROUTES.runSheet,
    as: 'demo-moderator',
    // The next talk day, Tuesday the 24th: its first item (placed first by the committee).
    main: { selector: '#runsheet-item-title', words: '文化广场晚上跳舞声音太大' },
    calls: ['matters.getRunSheet'],
  },
  {
    key: 'moderation-queue',
    name: '发言审核',
    route: ROUTES.moderationQueue,
    as: 'demo-moderator',
    // 周海's statement on 停车位怎么分, hidden by 李明 (demo-statement-5).
    main: { selector: '#queue-demo-statement-5', words: '谁家车多谁自己想办法，别占大家的地方！' },
    calls: ['discussion.listModerationQueue'],
  },
  // 调解 (#14): the demo village has a legal officer (王德福, demo-legal) and no case yet; the
  // whole case, as each of its readers sees it, is drawn by e2e/journeys/mediation.e2e.test.ts.
  {
    key: 'mediations',
    name: '调解案件',
    route: ROUTES.mediations,
    as: 'demo-legal',
    main: { selector: '#mediations-list', words: '还没有调解案件' },
    calls: ['mediation.listMediations'],
  },
  {
    key: 'mediation-open',
    name: '开始调解',
    route: ROUTES.openMediation,
    query: { matterId: 'demo-matter-raised' },
    as: 'demo-legal',
    // The village's verified members by name, the matter's raiser (陈大山) first.
    main: { selector: '#open-mediation-members', words: '陈大山' },
    calls: ['mediation.listPartyChoices'],
  },
  {
    key: 'mediation',
    name: '调解（这件事没有调解）',
    route: ROUTES.mediation,
    query: { matterId: 'demo-matter-raised' },
    as: 'demo-legal',
    main: { selector: '#load-error', words: '找不到这起调解。' },
    calls: ['mediation.getMediation'],
  },
  {
    key: 'notice',
    name: '决议公告（没有给表决）',
    route: ROUTES.notice,
    as: 'demo-committee',
    // Opened without a poll it says so in words, with no call (e2e/notice.e2e.test.ts and
    // test/mp/packages/notice draw a real counted one). To move to the seeded counted poll
    // (?pollId=demo-poll-canteen: main #notice-share 分享给群, calls polls.getPoll, matters.getMatter)
    // once the backends seed it.
    main: {
      selector: '#load-error',
      words: '没有说是哪一次表决的公告，请从事项或现场投票页进来。',
    },
    calls: [],
  },
  // 需求与服务 and the township's pages (#14): with the district of e2e/support/district.ts above
  // the demo village (startBackend's `district: true`): 吴敏 (demo-m21) is 东镇's staff, and the
  // lists hold one need of 示范村 (村道两侧路灯维修) and one service (路灯检修更换).
  {
    key: 'committee-needs',
    name: '需求与服务（村委会）',
    route: ROUTES.villageNeeds,
    as: 'demo-committee',
    main: { selector: '#vneeds-needs', words: '村道两侧路灯维修' },
    calls: ['township.listNeeds'],
  },
  {
    key: 'township',
    name: '乡镇/部门工作台',
    route: ROUTES.township,
    as: 'demo-m21',
    main: { selector: '#tw-home', words: '东镇' },
    calls: ['township.myStaff'],
  },
  {
    key: 'township-claim',
    name: '工作台（还不是工作人员：启用码）',
    route: ROUTES.township,
    as: 'demo-resident-1',
    main: { selector: '#tw-claim', words: '工作人员启用' },
    calls: ['township.myStaff'],
  },
  {
    key: 'township-needs',
    name: '需求清单',
    route: ROUTES.townshipNeeds,
    as: 'demo-m21',
    main: { selector: '#tw-needs-list', words: '村道两侧路灯维修' },
    calls: ['township.listNeeds'],
  },
  {
    key: 'township-services',
    name: '服务清单',
    route: ROUTES.townshipServices,
    as: 'demo-m21',
    main: { selector: '#tw-services-list', words: '路灯检修更换' },
    calls: ['township.listServices'],
  },
  {
    key: 'township-offer',
    name: '登记服务',
    route: ROUTES.townshipOffer,
    as: 'demo-m21',
    main: { selector: '#tw-offer-form', words: '登记服务' },
    calls: [],
  },
  {
    key: 'township-ledger',
    name: '台账',
    route: ROUTES.townshipLedger,
    as: 'demo-m21',
    main: { selector: '#tw-ledger-month', words: '2026年11月台账' },
    calls: ['township.listLedger'],
  },
  {
    key: 'township-dashboard',
    name: '数据看板（乡镇）',
    route: ROUTES.dashboard,
    query: { unit: 'township' },
    as: 'demo-m21',
    main: { selector: '#db-month', words: '2026年11月' },
    calls: ['township.getDashboard'],
  },
  // The district's staff (孙浩, demo-m26): the whole district's figures.
  {
    key: 'district-dashboard',
    name: '数据看板（全区）',
    route: ROUTES.dashboard,
    query: { unit: 'district' },
    as: 'demo-m26',
    main: { selector: '#db-month', words: '2026年11月' },
    calls: ['township.getDashboard'],
  },
  // The same page from 村务 (the committee's entry): the demo village's own figures.
  {
    key: 'committee-dashboard',
    name: '数据看板（本村）',
    route: ROUTES.dashboard,
    query: { unit: 'village' },
    as: 'demo-committee',
    main: { selector: '#db-title', words: '本村数据看板' },
    calls: ['township.getDashboard'],
  },
  // 吹哨报到: 孙婷 (demo-m25) works for 东镇综治中心, to which the committee blew one whistle.
  {
    key: 'township-whistles',
    name: '吹哨事项',
    route: ROUTES.townshipWhistles,
    as: 'demo-m25',
    main: { selector: '#tw-whistles-list', words: '文化广场晚上跳舞声音太大' },
    calls: ['whistles.listWhistles'],
  },
  {
    key: 'township-whistle',
    name: '办理吹哨',
    route: ROUTES.townshipWhistle,
    query: { id: 'demo-matter-accepted_w1', matterId: 'demo-matter-accepted' },
    as: 'demo-m25',
    main: { selector: '#tw-whistle-steps', words: '晚上十点以后还有音乐' },
    calls: ['whistles.matterWhistles'],
  },
]

/** `?id=…` for a page case. */
export const queryString = (query?: Readonly<Record<string, string>>): string =>
  query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : ''

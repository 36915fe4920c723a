export default defineAppConfig({
  // The three tab pages stay in the main package; everything else is in subpackages (分包).
  // The bottom bar is our own (components/TabBar), not WeChat's tabBar: it scales with 大字模式
  // and its words are as large as the rest of the page.
  pages: ['pages/index/index', 'pages/matters/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/matters', pages: ['pages/raise/index', 'pages/detail/index'] },
    {
      root: 'packages/me',
      pages: ['pages/join/index', 'pages/votes/index', 'pages/privacy/index'],
    },
    {
      // 村务: the committee's console
      root: 'packages/committee',
      pages: [
        'pages/index/index',
        'pages/members/index',
        'pages/register/index',
        'pages/settings/index',
        'pages/matter/index',
        'pages/agenda/index',
        'pages/overdue/index',
        'pages/topic/index',
        'pages/poll/index',
        'pages/meeting/index',
        'pages/needs/index',
      ],
    },
    // 主持人: the talk day's run sheet and the statements to review
    { root: 'packages/moderator', pages: ['pages/runsheet/index', 'pages/queue/index'] },
    // 调解: the legal officer's cases, their parties' confirmations
    {
      root: 'packages/mediation',
      pages: ['pages/case/index', 'pages/list/index', 'pages/open/index'],
    },
    // 乡镇/部门工作台: the staff of a township, a department or the district (#14)
    {
      root: 'packages/township',
      pages: [
        'pages/index/index',
        'pages/needs/index',
        'pages/services/index',
        'pages/offer/index',
        'pages/ledger/index',
        'pages/whistles/index',
        'pages/whistle/index',
        'pages/dashboard/index',
      ],
    },
    // 决议公告: its QR library is loaded with this page only
    { root: 'packages/notice', pages: ['pages/index/index'] },
  ],
  // WeChat asks the privacy consent (隐私保护指引) through onNeedPrivacyAuthorization.
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '逢四说事',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f4ef',
  },
})

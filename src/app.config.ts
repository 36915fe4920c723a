export default defineAppConfig({
  pages: ['pages/index/index'],
  // Everything but the home page goes into subpackages (分包), so the main package stays small.
  subPackages: [{ root: 'packages/matters', pages: ['pages/raise/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '逢四说事',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f4ef',
  },
})

export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '逢四说事',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f4ef',
  },
})

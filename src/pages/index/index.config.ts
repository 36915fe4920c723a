export default definePageConfig({
  navigationBarTitleText: '逢四说事',
})

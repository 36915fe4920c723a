export default definePageConfig({ navigationBarTitleText: '成员审核' })

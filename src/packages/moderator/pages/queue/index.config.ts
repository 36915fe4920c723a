export default definePageConfig({ navigationBarTitleText: '发言审核' })

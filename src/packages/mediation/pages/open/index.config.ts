export default definePageConfig({ navigationBarTitleText: '开始调解' })

export default definePageConfig({ navigationBarTitleText: '开题' })

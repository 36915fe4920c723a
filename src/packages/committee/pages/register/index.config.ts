export default definePageConfig({ navigationBarTitleText: '户籍名册' })

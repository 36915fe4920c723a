export default definePageConfig({ navigationBarTitleText: '说事日议程' })

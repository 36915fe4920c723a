export default definePageConfig({ navigationBarTitleText: '村务' })

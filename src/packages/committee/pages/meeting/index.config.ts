export default definePageConfig({ navigationBarTitleText: '现场投票' })

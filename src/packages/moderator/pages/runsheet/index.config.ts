export default definePageConfig({ navigationBarTitleText: '主持说事' })

export default definePageConfig({ navigationBarTitleText: '决议公告' })

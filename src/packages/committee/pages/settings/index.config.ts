export default definePageConfig({ navigationBarTitleText: '村里的设置' })

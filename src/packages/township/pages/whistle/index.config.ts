export default definePageConfig({ navigationBarTitleText: '办理吹哨' })

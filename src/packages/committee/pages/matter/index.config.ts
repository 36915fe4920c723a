export default definePageConfig({ navigationBarTitleText: '处理事项' })

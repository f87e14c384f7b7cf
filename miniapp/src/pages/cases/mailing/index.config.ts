export default definePageConfig({ navigationBarTitleText: '免费邮寄' });

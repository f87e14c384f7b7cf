export default definePageConfig({
  navigationBarTitleText: '我的找茬',
});

export default definePageConfig({
  navigationBarTitleText: '找茬详情',
});

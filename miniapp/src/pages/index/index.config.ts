export default definePageConfig({
  navigationBarTitleText: '济时办',
});

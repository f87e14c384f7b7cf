export default definePageConfig({
  navigationBarTitleText: '一链办理',
});

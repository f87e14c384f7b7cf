import { createStore } from '../utils/store';

/**
 * The tab page on screen. WeChat gives each tab page its own custom-tab-bar instance; every instance draws the tab
 * this store names, and each tab page sets it when shown (components/Page), so the bar on screen is always right.
 */
export const currentTabStore = createStore<string>('pages/index/index');

import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useStore } from '../hooks/useStore';
import { elderModeStore } from '../services/prefs';
import { currentTabStore } from '../services/tabs';
import { TABS } from '../tabs';
import './index.scss';

/**
 * weapp only (app.config.ts turns `tabBar.custom` on for weapp): WeChat's native tab bar cannot be enlarged, so in
 * 长辈版 its text would stay small. This one follows 长辈版 like every page: text ≥ 18px, targets ≥ 60px.
 * H5 keeps Taro's tab bar, styled for 长辈版 in app.scss.
 */
export default function CustomTabBar() {
  const elder = useStore(elderModeStore);
  const current = useStore(currentTabStore);
  return (
    <View className={`jsb-tabbar${elder ? ' jsb-tabbar--elder' : ''}`} ariaRole='tablist'>
      {TABS.map((t) => {
        const on = t.pagePath === current;
        return (
          <View
            key={t.pagePath}
            className={`jsb-tabbar__item${on ? ' jsb-tabbar__item--on' : ''}`}
            ariaRole='tab'
            ariaLabel={on ? `${t.text}，已选中` : t.text}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${t.pagePath}` });
            }}
          >
            <Text className='jsb-tabbar__label'>{t.text}</Text>
          </View>
        );
      })}
    </View>
  );
}

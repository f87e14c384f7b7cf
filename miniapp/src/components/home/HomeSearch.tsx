import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TEXT_LIMITS } from '@jsb/shared';
import { searchCatalog } from '../../api/search';
import { useLoad } from '../../hooks/useLoad';
import { tappable } from '../../utils/a11y';
import { HOTLINE, shortcutsFor, type HomeTarget } from '../../utils/home';
import { BOOKING_TAB, itemUrl, themeUrl } from '../../utils/routes';
import { ErrorNotice } from '../ErrorNotice';
import { Button, Input } from '../ui';

/** typing pauses this long before a search goes out; 搜索 or the keyboard's search key go at once */
const DEBOUNCE_MS = 300;
const MAX_QUERY = TEXT_LIMITS.search.max;

/**
 * 首页's search box, first on the page: items and 一链办理 themes from the bff's search (synonyms, typos), and the
 * app's own services a query names ("交水费" → 缴费). A result opens in one tap.
 */
export function HomeSearch({ onTarget }: { onTarget: (t: HomeTarget) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const next = text.trim().slice(0, MAX_QUERY);
    if (next === q) return;
    const timer = setTimeout(() => setQ(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const result = useLoad(() => searchCatalog(q), [q], q !== '');
  const shortcuts = shortcutsFor(q);
  // the answer to this query, not the one before it
  const found = result.data && result.data.q === q ? result.data : null;

  const now = () => setQ(text.trim().slice(0, MAX_QUERY));
  const open = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className='home-search' role='search'>
      <View className='home-search__box'>
        <Input
          className='home-search__input'
          placeholder='搜事项或主题，如 开饭店、房产证'
          confirmType='search'
          maxLength={MAX_QUERY}
          value={text}
          onChange={(v: string) => setText(v)}
          onConfirm={now}
        />
        {text ? (
          <Button className='home-search__clear' fill='none' onClick={() => (setText(''), setQ(''))}>
            清除
          </Button>
        ) : null}
        <Button className='home-search__go' type='primary' onClick={now}>
          搜索
        </Button>
      </View>

      {q ? (
        <View className='home-search__results' aria-live='polite'>
          {shortcuts.map((s) => (
            <View
              key={s.title}
              className='home-result home-result--service'
              hoverClass='home-result--pressed'
              {...tappable()}
              onClick={() => onTarget(s.target)}
            >
              <Text className='home-result__tag'>服务</Text>
              <Text className='home-result__name'>{s.title}</Text>
              <Text className='home-result__text'>{s.text}</Text>
            </View>
          ))}
          {result.status === 'loading' && !found ? <Text className='jsb-muted'>正在查找…</Text> : null}
          {result.status === 'error' ? <ErrorNotice error={result.error} retryText='再搜一次' onRetry={result.reload} /> : null}
          {found ? (
            <>
              {found.alsoSearched.length ? <Text className='jsb-muted'>也按“{found.alsoSearched.join('”“')}”为您查找</Text> : null}
              {found.themes.map((t) => (
                <View
                  key={t.id}
                  className='home-result home-result--theme'
                  hoverClass='home-result--pressed'
                  {...tappable()}
                  onClick={() => open(themeUrl(t.id))}
                >
                  <Text className='home-result__tag'>一链办理</Text>
                  <Text className='home-result__name'>{t.name}</Text>
                  <Text className='home-result__text'>{t.itemIds.length}个事项一张清单，材料一次告知</Text>
                </View>
              ))}
              {found.items.map((it) => (
                <View key={it.id} className='home-result' hoverClass='home-result--pressed' {...tappable()} onClick={() => open(itemUrl(it.id))}>
                  <Text className='home-result__name'>{it.name}</Text>
                  <Text className='home-result__text'>
                    {it.zoneName}
                    {it.weekendBooking ? ' · 周末可约' : ''}
                    {it.promisedDays === 0 ? ' · 当场办结' : ` · 承诺${it.promisedDays}个工作日`}
                  </Text>
                </View>
              ))}
              {found.themes.length + found.items.length + shortcuts.length === 0 ? (
                <View className='home-search__none'>
                  <Text>
                    没有找到与“{q}”相关的事项。换个说法试试，如“营业执照”“房产证”；也可以按专区查找，或打{HOTLINE}问一问。
                  </Text>
                  <View className='home-search__none-actions'>
                    <Button type='primary' fill='outline' onClick={() => onTarget({ kind: 'tab', url: BOOKING_TAB })}>
                      按专区查找
                    </Button>
                    <Button fill='outline' onClick={() => onTarget({ kind: 'call', number: HOTLINE })}>
                      拨打{HOTLINE}
                    </Button>
                  </View>
                </View>
              ) : null}
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

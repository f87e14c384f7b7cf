import { useState } from 'react';
import { View } from '@tarojs/components';
import { TEXT_LIMITS } from '@jsb/shared';
import { Button, Input } from '../../components/ui';

export type Browse = { kind: 'search'; q: string } | { kind: 'zone'; zoneId: string };

/** The search box of the 预约 tab: searches the chosen hall's items by name or keyword. */
export function ItemSearch({ browse, onBrowse }: { browse: Browse | null; onBrowse: (b: Browse | null) => void }) {
  const [q, setQ] = useState(browse?.kind === 'search' ? browse.q : '');
  function search() {
    const text = q.trim().slice(0, 40);
    onBrowse(text ? { kind: 'search', q: text } : null);
  }
  return (
    <View className='booking__search'>
      <Input
        className='booking__search-input'
        placeholder='输入事项名称，如 营业执照'
        confirmType='search'
        maxLength={TEXT_LIMITS.search.max}
        value={q}
        onChange={(v: string) => setQ(v)}
        onConfirm={search}
      />
      <Button className='booking__search-button' type='primary' onClick={search}>
        搜索
      </Button>
    </View>
  );
}

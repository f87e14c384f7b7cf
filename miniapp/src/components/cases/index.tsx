import { momentText } from '@jsb/shared';
import { View, Text } from '@tarojs/components';
import type { CaseDetail, TimelineEntry } from '@jsb/shared';
import { countdownText } from '../../utils/case-format';
import './index.scss';

/** The working-day countdown in one line, coloured by urgency. */
export function CountdownLine({ countdown, refused }: { countdown: CaseDetail['countdown']; refused?: boolean }) {
  const { text, tone } = countdownText(countdown, refused);
  return <Text className={`cs-countdown cs-countdown--${tone}`}>{text}</Text>;
}

/** Every step of a case: what, when, which department, pauses marked. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <View className='cs-timeline'>
      {entries.map((e, i) => (
        <View key={`${e.kind}-${e.at}-${i}`} className={`cs-step cs-step--${e.kind}${e.current ? ' cs-step--current' : ''}`}>
          <View className='cs-step__dot' />
          <View className='cs-step__body'>
            <Text className='cs-step__title'>
              {e.title}
              {e.current ? (e.kind === 'paused' ? ' · 暂停中' : ' · 进行中') : ''}
            </Text>
            <Text className='cs-step__meta'>
              {momentText(e.at)}
              {e.department ? ` · ${e.department}` : ''}
            </Text>
            {e.note ? <Text className='cs-step__note'>{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** One labelled fact in a row: the label keeps its width, a long value wraps. */
export function KeyValue({ k, v }: { k: string; v: string }) {
  return (
    <View className='cs-kv'>
      <Text className='cs-kv__k'>{k}</Text>
      <Text className='cs-kv__v'>{v}</Text>
    </View>
  );
}

export function StatusPill({ label, status }: { label: string; status: string }) {
  return <Text className={`cs-status cs-status--${status}`}>{label}</Text>;
}

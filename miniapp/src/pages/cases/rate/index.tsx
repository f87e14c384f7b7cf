import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { CASE_RULES, caseWords, RATING_LEVELS, type RatingLevel, monthDayText } from '@jsb/shared';
import { showApiError } from '../../../api';
import { followUpRating, getCase, getCaseRating, rateCase } from '../../../api/cases';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { Button } from '../../../components/ui';
import '../../../components/cases/index.scss';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { isBad } from '../../../utils/case-format';
import { ratingUrl } from '../../../utils/case-routes';
import { param } from '../../../utils/routes';
import { tappable } from '../../../utils/a11y';

/** 评价 (or 追评 with followUp=1): five levels, the tags of the chosen level, an optional comment. */
export default function RatePage() {
  const router = useRouter();
  const caseNo = param(router.params.caseNo);
  const followUp = router.params.followUp === '1';
  const signedIn = useSignedIn();
  const state = useLoad(() => getCaseRating(caseNo), [caseNo], signedIn && caseNo !== '');
  // the case by name: a citizen may have several to rate
  const named = useLoad(() => getCase(caseNo), [caseNo], signedIn && caseNo !== '');
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const key = useActionKey();
  const sending = useSubmit(
    async (body: { level: RatingLevel; tags: string[]; comment: string }) => {
      await (followUp ? followUpRating(caseNo, body, key.take()) : rateCase(caseNo, body, key.take()));
      void Taro.redirectTo({ url: ratingUrl(caseNo) });
    },
    { key, onError: showApiError },
  );

  const opened = opening({ signIn: { signedIn, why: '登录后可以评价您的办件。' }, load: state, loading: '正在读取…' });
  if (opened || !state.data) return <Page>{opened}</Page>;
  const s = state.data;
  const offered = level ? (s.tagsByLevel[level] ?? []) : [];

  const pick = (l: RatingLevel) => {
    setLevel(l);
    setTags([]); // tags belong to a level: a new level starts with none
    key.renew();
  };
  const toggle = (t: string) => {
    setTags((x) => (x.includes(t) ? x.filter((y) => y !== t) : [...x, t]));
    key.renew();
  };
  const submit = () => {
    if (level) void sending.run({ level, tags, comment: comment.trim() });
  };

  const closedForRating = !followUp && !s.canRate;
  return (
    <Page>
      <View className='jsb-card'>
        {named.data ? (
          <Text className='jsb-muted cs-block'>
            {named.data.itemName} · 办件编号 {named.data.caseNo}
          </Text>
        ) : null}
        <Text className='jsb-subtitle cs-block'>{followUp ? '追评：整改后您满意吗？' : '您对这次办事满意吗？'}</Text>
        <Text className='cs-note'>
          评价直接报送山东省政务服务“好差评”系统。办理这件事的窗口和工作人员看不到是谁评价的；给了不满意的评价，大厅回访专员会按您登记的手机号回访，只有他们看得到您的联系方式，用于回访和整改。任何人不得要求您给出某个评价。
        </Text>
        {closedForRating ? (
          <Text className='jsb-error__message'>
            {s.state === 'not-rated'
              ? `这个办件现在不能评价${s.ratingDeadline ? `（评价期限${monthDayText(s.ratingDeadline)}）` : '（办结后才能评价）'}。`
              : '这个办件已经评价过了。'}
          </Text>
        ) : null}
        <View className='cs-choices'>
          {RATING_LEVELS.map((l) => (
            <View
              key={l}
              className={`cs-choice${level === l ? ' cs-choice--on' : ''}`}
              {...tappable('radio', { checked: level === l })}
              onClick={() => pick(l)}
            >
              {l}
            </View>
          ))}
        </View>
      </View>
      {level ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle cs-block'>
            {isBad(level) ? '哪里没做好？（至少选一项）' : level === '基本满意' ? '哪里还可以更好？' : '哪里做得好？'}
          </Text>
          <View className='cs-choices'>
            {offered.map((t) => (
              <View
                key={t}
                className={`cs-choice${tags.includes(t) ? ' cs-choice--on' : ''}`}
                {...tappable('checkbox', { checked: tags.includes(t) })}
                onClick={() => toggle(t)}
              >
                {t}
              </View>
            ))}
          </View>
          <Textarea
            className='cs-textarea'
            placeholder={caseWords().commentPlaceholder}
            value={comment}
            maxlength={CASE_RULES.commentMaxChars}
            onInput={(e) => setComment(e.detail.value)}
          />
          {isBad(level) ? <Text className='jsb-muted cs-block'>不满意的评价，{caseWords().badRatingPromise}，您可以随时查看进度。</Text> : null}
        </View>
      ) : null}
      <Button
        type='primary'
        size='large'
        block
        disabled={!level || sending.busy || closedForRating || (isBad(level ?? '满意') && tags.length === 0)}
        loading={sending.busy}
        onClick={submit}
      >
        {followUp ? '提交追评' : '提交评价'}
      </Button>
    </Page>
  );
}

import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { COMPLAINT_RATINGS, COMPLAINT_RULES, complaintWords, type Complaint, type ComplaintRating, momentText, monthDayText } from '@jsb/shared';
import { getComplaint, rateComplaintReply, reopenComplaint } from '../../../api/complaints';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { SubscribeCard } from '../../../components/SubscribeCard';
import { Button } from '../../../components/ui';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { slaLine } from '../../../utils/complaint-format';
import { param } from '../../../utils/routes';
import { ComplaintPhotos } from './ComplaintPhotos';
import '../index.scss';

const words = complaintWords();

/** One complaint: state and deadlines, the timeline, the reply; rate the reply, reopen once. */
export default function ComplaintDetail() {
  const params = useRouter().params;
  const id = param(params.id);
  const signedIn = useSignedIn();
  const loaded = useLoad(() => getComplaint(id), [id], signedIn && !!id);
  const [latest, setLatest] = useState<Complaint | null>(null);
  const c = latest ?? loaded.data;

  const opened = opening({ signIn: { signedIn, why: '登录后可以查看找茬的进度和答复。' }, load: loaded, loading: '正在读取…', keepData: true });
  if (!c || (opened && !latest)) return <Page className='zc'>{opened}</Page>;
  const sla = slaLine(c);
  // 满意 with the last reply: thank the citizen instead of offering to reopen
  const satisfied = c.replies.at(-1)?.rating === '满意';
  return (
    <Page className='zc'>
      {params.created ? (
        <Text className='zc-notice zc-notice--ok'>
          {c.trackingNo ? `已提交，找茬编号 ${c.trackingNo}` : '已提交。政务系统暂时连不上，恢复后自动转交，不需要重新提交。'}
        </Text>
      ) : null}
      {params.created && c.trackingNo ? (
        <SubscribeCard moment='complaint' title='找茬答复通知' what='签收和答复时，通过微信告诉您' action='订阅答复通知' />
      ) : null}
      {c.notice ? <Text className='zc-notice'>{c.notice}</Text> : null}
      <View className='jsb-card'>
        <View className='zc-row__head'>
          <Text className='zc-row__title'>{c.category}</Text>
          <Text className={`zc-status zc-status--${c.status}`}>{c.statusLabel}</Text>
        </View>
        <Text className='zc-tracking'>{c.trackingNo ? `找茬编号 ${c.trackingNo}` : '找茬编号：转交后显示'}</Text>
        <Text className={`zc-sla zc-sla--${sla.tone}`}>{sla.text}</Text>
        {c.sla ? (
          <Text className='jsb-muted'>
            签收期限 {monthDayText(c.sla.acknowledgeBy)} · 答复期限 {monthDayText(c.sla.replyBy)}（按工作日计算）
          </Text>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-muted'>
          {c.target.hallName ?? c.target.hallId}
          {c.target.zoneName ? ` · ${c.target.zoneName}` : ''}
          {c.target.windowNo ? ` · ${c.target.windowNo}号窗口` : ''}
          {c.target.staffNo ? ` · 工号${c.target.staffNo}` : ''}
        </Text>
        <Text className='zc-row__desc'>{c.description}</Text>
        {c.photoIds.length ? <ComplaintPhotos id={c.id} photoIds={c.photoIds} /> : null}
        <Text className='jsb-muted'>
          {c.photoCount ? `${c.photoCount}张照片 · ` : ''}
          {c.anonymous ? '对工作人员匿名' : '实名（工作人员可回访）'}
        </Text>
      </View>

      {c.replies.map((r, i) => (
        <View key={r.at} className='jsb-card zc-reply'>
          <Text className='jsb-subtitle'>{i === 0 ? '答复' : `第${i + 1}次答复`}</Text>
          <Text>{r.text}</Text>
          <Text className='jsb-muted'>
            {r.by} · {momentText(r.at)}
            {r.rating ? ` · 您的评价：${r.rating}` : ''}
          </Text>
        </View>
      ))}

      {c.canRate ? <RateReply id={c.id} onDone={setLatest} /> : null}
      {satisfied ? (
        <View className='jsb-card zc-thanks'>
          <Text className='jsb-subtitle'>谢谢您的评价</Text>
          <Text className='jsb-muted'>您对答复满意，这件事就办结了。以后再遇到问题，随时可以再来找茬。</Text>
        </View>
      ) : c.canReopen ? (
        <Reopen c={c} onDone={setLatest} />
      ) : c.reopenNote && c.replies.length ? (
        <Text className='jsb-muted zc-foot'>{c.reopenNote}</Text>
      ) : null}

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>办理过程</Text>
        {[...c.timeline].reverse().map((e, i) => (
          <View key={`${e.at}-${i}`} className='zc-event'>
            <Text className='zc-event__label'>{e.label}</Text>
            <Text className='jsb-muted'>{momentText(e.at)}</Text>
            {e.note ? <Text className='zc-event__note'>{e.note}</Text> : null}
          </View>
        ))}
      </View>
    </Page>
  );
}

function RateReply({ id, onDone }: { id: string; onDone: (c: Complaint) => void }) {
  const [rating, setRating] = useState<ComplaintRating | null>(null);
  const key = useActionKey();
  const sending = useSubmit(async (r: ComplaintRating) => onDone(await rateComplaintReply(id, { rating: r }, key.take())), { key });
  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle'>您对这次答复满意吗？</Text>
      <View className='zc-chips'>
        {COMPLAINT_RATINGS.map((r) => (
          <View
            key={r}
            className={`zc-chip${rating === r ? ' zc-chip--on' : ''}`}
            role='radio'
            aria-checked={rating === r}
            onClick={() => (setRating(r), key.renew())}
          >
            <Text>{r}</Text>
          </View>
        ))}
      </View>
      {sending.error ? <ErrorNotice error={sending.error} /> : null}
      <Button
        type='primary'
        block
        disabled={!rating || sending.busy}
        loading={sending.busy}
        onClick={() => {
          if (rating) void sending.run(rating);
        }}
      >
        提交评价
      </Button>
    </View>
  );
}

function Reopen({ c, onDone }: { c: Complaint; onDone: (c: Complaint) => void }) {
  const [reason, setReason] = useState('');
  const key = useActionKey();
  const sending = useSubmit(async (why: string) => onDone(await reopenComplaint(c.id, why, key.take())), { key });
  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle'>问题没有解决？</Text>
      <Text className='jsb-muted'>
        {words.reopen}
        {c.reopenUntil ? `（${momentText(c.reopenUntil)}前）` : ''}，{words.reopenAgainReplyDays}。
      </Text>
      <Textarea
        className='zc-textarea'
        placeholder={`请说明哪里还没有解决（${words.reopenReasonMin}）`}
        maxlength={COMPLAINT_RULES.reopenReasonMax}
        value={reason}
        onInput={(e) => (setReason(e.detail.value), key.renew())}
      />
      {sending.error ? <ErrorNotice error={sending.error} /> : null}
      <Button
        type='primary'
        fill='outline'
        block
        disabled={reason.trim().length < COMPLAINT_RULES.reopenReasonMin || sending.busy}
        loading={sending.busy}
        onClick={() => void sending.run(reason.trim())}
      >
        申请重新办理
      </Button>
    </View>
  );
}

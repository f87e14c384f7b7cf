import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { COMPLAINT_CATEGORIES, COMPLAINT_RULES, complaintWords, TEXT_LIMITS, type ComplaintCategory, type CreateComplaintRequest } from '@jsb/shared';
import { listHalls } from '../../../api';
import { createComplaint } from '../../../api/complaints';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { IdentityStep } from '../../../components/IdentityStep';
import { Field } from '../../../components/Field';
import { Button } from '../../../components/ui';
import { useActionKey } from '../../../hooks/useActionKey';
import { useDraft } from '../../../hooks/useDraft';
import { identityWait, useIdentity } from '../../../hooks/useIdentity';
import { useLoad } from '../../../hooks/useLoad';
import { useSubmit } from '../../../hooks/useSubmit';
import { complaintUrl, COMPLAINT_LIST } from '../../../utils/complaint-format';
import { AnonymousSwitch } from './AnonymousSwitch';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import '../index.scss';

const words = complaintWords();

interface ComplaintDraft {
  category: ComplaintCategory | null;
  hallId: string | null;
  zoneId: string | null;
  windowNo: string;
  staffNo: string;
  description: string;
  anonymous: boolean;
  /** only photos that reached the bff: their ids are what the complaint sends */
  photos: PickedPhoto[];
}

const EMPTY: ComplaintDraft = { category: null, hallId: null, zoneId: null, windowNo: '', staffNo: '', description: '', anonymous: false, photos: [] };

/**
 * 我要找茬: what went wrong, where, a description, photos, and whether staff may see who complained. Everything typed
 * and chosen is a draft on the phone until sent: a detour to 实名认证, a reload or a relaunch keeps it.
 */
export default function NewComplaint() {
  const identity = useIdentity();
  const halls = useLoad(listHalls, []);
  const draft = useDraft<ComplaintDraft>('complaint', EMPTY);
  const { category, hallId, zoneId, windowNo, staffNo, description, anonymous } = draft.value;
  // every photo lives here (the picker updates them as they upload); the draft keeps the uploaded ones
  const [photos, setPhotoList] = useState<PickedPhoto[]>(() => draft.value.photos);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useActionKey();
  const sending = useSubmit(
    async (body: CreateComplaintRequest) => {
      const created = await createComplaint(body, key.take());
      draft.discard();
      void Taro.redirectTo({ url: complaintUrl(created.id, true) });
    },
    { key },
  );
  const waiting = identityWait(identity, 'realName', '提交找茬');

  const hall = halls.data?.find((h) => h.id === hallId) ?? null;
  const change = (patch: Partial<ComplaintDraft>) => {
    draft.set(patch);
    key.renew();
    setProblem(null);
    sending.clear();
  };
  function setPhotos(update: (list: PickedPhoto[]) => PickedPhoto[]) {
    setPhotoList(update);
    key.renew();
  }
  const uploaded = photos.filter((p) => p.state === 'done');
  useEffect(() => {
    if (uploaded.map((p) => p.id).join() !== draft.value.photos.map((p) => p.id).join()) draft.set({ photos: uploaded });
  }, [uploaded.map((p) => p.id).join()]);

  async function submit() {
    const missing = !category
      ? '请选择问题类型。'
      : !hallId
        ? '请选择是哪个大厅。'
        : description.trim().length < COMPLAINT_RULES.descriptionMin
          ? `请${words.descriptionMin}，说清遇到了什么问题。`
          : null;
    if (missing) return setProblem(missing);
    if (photos.some((p) => p.state === 'uploading')) return setProblem('照片还在上传，请稍等几秒再提交。');
    if (photos.some((p) => p.state === 'failed')) return setProblem('有照片没有上传成功：请点“重试”，或删除这张照片后再提交。');
    await sending.run({
      category: category!,
      target: {
        hallId: hallId!,
        ...(zoneId ? { zoneId } : {}),
        ...(windowNo.trim() ? { windowNo: windowNo.trim() } : {}),
        ...(staffNo.trim() ? { staffNo: staffNo.trim() } : {}),
      },
      description: description.trim(),
      anonymous,
      photoIds: photos.map((p) => p.id!).filter(Boolean),
    });
  }

  return (
    <Page className='zc'>
      <IdentityStep need='realName' why='找茬需要实名：答复要送到您本人，照片也要实名才能上传。您现在填的内容会留着，认证后接着提交。' />
      {draft.restored ? (
        <View className='zc-restored'>
          <Text>已恢复您上次没有提交的内容，可以接着填写。</Text>
          <Button size='small' fill='outline' onClick={() => (draft.discard(), setPhotoList([]))}>
            清空重填
          </Button>
        </View>
      ) : null}
      <View className='jsb-card'>
        <Text className='jsb-subtitle'>遇到什么问题？</Text>
        <View className='zc-chips'>
          {COMPLAINT_CATEGORIES.map((c) => (
            <View
              key={c}
              className={`zc-chip${category === c ? ' zc-chip--on' : ''}`}
              role='radio'
              aria-checked={category === c}
              onClick={() => change({ category: c })}
            >
              <Text>{c}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>在哪里？</Text>
        {opening({ load: halls, loading: '正在读取大厅列表…' })}
        <View className='zc-chips'>
          {(halls.data ?? []).map((h) => (
            <View
              key={h.id}
              className={`zc-chip${hallId === h.id ? ' zc-chip--on' : ''}`}
              role='radio'
              aria-checked={hallId === h.id}
              onClick={() => change({ hallId: h.id, zoneId: null })}
            >
              <Text>{h.name}</Text>
            </View>
          ))}
        </View>
        {hall && hall.zones.length ? (
          <View className='jsb-section'>
            <Text className='jsb-muted'>哪个专区（可不选）</Text>
            <View className='zc-chips'>
              {hall.zones.map((z) => (
                <View
                  key={z.id}
                  className={`zc-chip zc-chip--small${zoneId === z.id ? ' zc-chip--on' : ''}`}
                  role='radio'
                  aria-checked={zoneId === z.id}
                  onClick={() => change({ zoneId: zoneId === z.id ? null : z.id })}
                >
                  <Text>{z.name}</Text>
                </View>
              ))}
            </View>
          </View>
        ) : null}
        <Field
          label='窗口号'
          placeholder='窗口号（可不填），如 12'
          kind='code'
          maxLength={TEXT_LIMITS.windowNo.max}
          value={windowNo}
          onChange={(v) => change({ windowNo: v })}
        />
        <Field
          label='工作人员工号'
          placeholder='工作人员工号（可不填）'
          kind='code'
          maxLength={TEXT_LIMITS.staffNo.max}
          value={staffNo}
          onChange={(v) => change({ staffNo: v })}
        />
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>发生了什么？</Text>
        <Textarea
          className='zc-textarea'
          placeholder={`请写清时间、经过和您希望怎样解决（${words.descriptionMin}）`}
          maxlength={COMPLAINT_RULES.descriptionMax}
          value={description}
          onInput={(e) => change({ description: e.detail.value })}
        />
        <Text className='jsb-muted'>
          {description.length}/{COMPLAINT_RULES.descriptionMax}
        </Text>
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>{words.photosOptional}</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} waiting={identityWait(identity, 'realName', '添加照片')} />
      </View>

      <View className='jsb-card'>
        <AnonymousSwitch on={anonymous} onToggle={() => change({ anonymous: !anonymous })} />
      </View>

      {problem ? <Text className='zc-problem'>{problem}</Text> : null}
      {sending.error ? <ErrorNotice error={sending.error} /> : null}
      <Button type='primary' size='large' block loading={sending.busy} disabled={sending.busy || Boolean(waiting)} onClick={() => void submit()}>
        {waiting ?? '提交找茬'}
      </Button>
      <Text className='jsb-muted zc-foot'>{words.promise}；政务系统暂时连不上时会先保存，恢复后自动转交。</Text>
      <Button fill='none' block onClick={() => void Taro.navigateTo({ url: COMPLAINT_LIST })}>
        查看我的找茬
      </Button>
    </Page>
  );
}

import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Correction } from '@jsb/shared';
import { asApiError, type ApiError } from '../../../api';
import { deleteCorrectionFile, getCorrection, submitCorrection, uploadCorrectionFile } from '../../../api/corrections';
import type { LocalFile } from '../../../api/files';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { SubscribeCard } from '../../../components/SubscribeCard';
import { Button } from '../../../components/ui';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { pickPdf, pickPhotos } from '../../../services/pick-files';
import { correctionDeadlineText, fileLine } from '../../../utils/case-format';
import { param } from '../../../utils/routes';
import '../../../components/cases/index.scss';

type Material = Correction['materials'][number];

/**
 * 补正 from the phone: each missing material with why, how many and in what form; its pages uploaded one by one
 * (photos or a PDF, checked by content on the bff); then one 提交. The deadline counts working days; the counter
 * where the materials could be handed in instead is always there.
 */
export default function CorrectionPage() {
  const caseNo = param(useRouter().params.caseNo);
  const signedIn = useSignedIn();
  const loaded = useLoad(() => getCorrection(caseNo), [caseNo], signedIn && caseNo !== '');
  const [latest, setLatest] = useState<Correction | null>(null);
  const [uploading, setUploading] = useState<Record<string, number>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const key = useActionKey();
  const sending = useSubmit(
    async () => {
      setError(null);
      setLatest(await submitCorrection(caseNo, key.take()));
      void Taro.showToast({ title: '已补交', icon: 'success' });
    },
    { key },
  );
  useReshow(() => (setLatest(null), loaded.reload()));

  const c = latest ?? loaded.data;
  const opened = opening({
    signIn: { signedIn, need: 'realName', why: '补正材料要交到您本人的办件上：请先登录。' },
    load: loaded,
    loading: '正在读取补正要求…',
    keepData: true,
  });
  if (!c || (opened && !latest)) return <Page>{opened}</Page>;

  const refresh = async () => setLatest(await getCorrection(caseNo));

  async function add(m: Material, files: LocalFile[]) {
    setProblems((p) => ({ ...p, [m.id]: '' }));
    setError(null);
    sending.clear();
    for (const f of files) {
      setUploading((u) => ({ ...u, [m.id]: 0 }));
      try {
        await uploadCorrectionFile(caseNo, m.id, f, (percent) => setUploading((u) => ({ ...u, [m.id]: percent })));
        key.renew();
      } catch (err) {
        const e = asApiError(err);
        // a refused page says why and what to do, under its material; the other pages still go up
        setProblems((p) => ({ ...p, [m.id]: `${e.message}${e.hint}` }));
      }
    }
    setUploading(({ [m.id]: _done, ...rest }) => rest);
    await refresh().catch((err: unknown) => setError(asApiError(err)));
  }

  async function remove(m: Material, fileId: string) {
    try {
      setLatest(await deleteCorrectionFile(caseNo, m.id, fileId));
      key.renew();
    } catch (err) {
      setProblems((p) => ({ ...p, [m.id]: `${asApiError(err).message}${asApiError(err).hint}` }));
    }
  }

  const missing = c.materials.filter((m) => !m.files.some((f) => !f.submitted) && c.state !== 'submitted' && c.state !== 'accepted').length;
  const open = c.canUpload;
  return (
    <Page className='cs'>
      <View className={`jsb-card cs-correction cs-correction--${c.state}`}>
        <Text className='jsb-subtitle cs-block'>{c.stateLabel}</Text>
        <Text className='cs-block'>{c.notice}</Text>
        {c.queued ? <Text className='cs-note'>政务系统暂时连不上：您的补正材料已保存，恢复后自动转交，不需要重新提交。</Text> : null}
        <Text className='jsb-muted cs-block'>原因：{c.reason}</Text>
        {/* the notice above already says by when; here the rule behind it, or what the clock does now */}
        {open && !c.overdue ? (
          <Text className='jsb-muted cs-block'>期限按规定为自通知之日起{c.workingDays}个工作日（节假日不计）；补正期间办理时限暂停计算。</Text>
        ) : (
          <Text className={`cs-block cs-correction__deadline${c.overdue ? ' cs-correction__deadline--over' : ''}`}>{correctionDeadlineText(c)}</Text>
        )}
        {c.rejection ? (
          <View className='cs-correction__rejected'>
            <Text className='cs-block'>未通过：{c.rejection.reason}</Text>
            <Text className='cs-block'>怎么办：{c.rejection.whatToDo}</Text>
          </View>
        ) : null}
      </View>

      {c.materials.map((m, i) => (
        <View key={m.id} className='jsb-card cs-material'>
          <Text className='cs-material__name'>
            {i + 1}. {m.name}
          </Text>
          <Text className='cs-tag'>{m.formLabel}</Text>
          <Text className='jsb-muted cs-block'>为什么要补：{m.reason}</Text>
          {m.rejection ? (
            <Text className='cs-material__rejected'>
              未通过：{m.rejection.reason}。{m.rejection.whatToDo}
            </Text>
          ) : null}
          {m.files.map((f, n) => (
            <View key={f.id} className='cs-file'>
              <Text>{fileLine(f, n)}</Text>
              {open && !f.submitted ? (
                <Button size='small' fill='outline' onClick={() => void remove(m, f.id)}>
                  删除
                </Button>
              ) : null}
            </View>
          ))}
          {uploading[m.id] !== undefined ? <Text className='jsb-muted cs-block'>正在上传 {uploading[m.id]}%</Text> : null}
          {problems[m.id] ? <Text className='jsb-error__message cs-block'>{problems[m.id]}</Text> : null}
          {open ? (
            <View className='cs-material__actions'>
              <Button
                type='primary'
                fill='outline'
                disabled={uploading[m.id] !== undefined}
                onClick={() => void pickPhotos(c.limits.maxFilesPerMaterial - m.files.length).then((f) => add(m, f))}
              >
                拍照或选照片
              </Button>
              <Button fill='outline' disabled={uploading[m.id] !== undefined} onClick={() => void pickPdf(1).then((f) => add(m, f))}>
                选PDF文件
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      {open ? (
        <View className='jsb-card'>
          <Text className='jsb-muted cs-block'>
            照片或PDF，每个不超过{Math.round(c.limits.fileMaxBytes / 1024 / 1024)} MB，每项最多{c.limits.maxFilesPerMaterial}
            个；上传时会去掉位置、相机和作者信息。一项有几页就拍几张。
          </Text>
          {error ? <ErrorNotice error={error} /> : null}
          {sending.error ? <ErrorNotice error={sending.error} /> : null}
          <Button type='primary' size='large' block loading={sending.busy} disabled={!c.canSubmit || sending.busy} onClick={() => void sending.run()}>
            提交补正材料
          </Button>
          {!c.canSubmit ? (
            <Text className='jsb-muted cs-block'>
              {missing > 0 ? `还有${missing}项材料没有上传，每项至少上传一个文件后才能提交。` : '现在不能提交，请看上面的说明。'}
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>也可以到窗口补交</Text>
        <Text className='cs-block'>
          {c.counter.hallName} {c.counter.windowNo}号窗口
        </Text>
        <Text className='jsb-muted cs-block'>{c.counter.address}</Text>
        <Text className='jsb-muted cs-block'>
          {c.counter.hours} · 电话 {c.counter.phone}
        </Text>
      </View>

      <SubscribeCard moment='correction' title='补正结果通知' what='补正通过或需要重新补交时，通过微信告诉您' action='订阅补正结果通知' />
    </Page>
  );
}

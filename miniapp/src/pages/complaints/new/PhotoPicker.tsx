import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { COMPLAINT_RULES, complaintWords } from '@jsb/shared';
import { asApiError } from '../../../api';
import { uploadComplaintPhoto } from '../../../api/complaints';
import { Button } from '../../../components/ui';

export interface PickedPhoto {
  key: string;
  path: string;
  name: string;
  /** H5: the chosen File */
  file?: Blob;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
  /** the app launch (or H5 page load) that chose it: a local preview path does not outlive it */
  loadId?: string;
}

/** this launch of the app: photos kept in a draft from an earlier one show as uploaded, without a preview */
const LOAD_ID = `${Date.now()}`;

interface Props {
  photos: PickedPhoto[];
  onChange: (update: (list: PickedPhoto[]) => PickedPhoto[]) => void;
  /** why photos cannot be added yet (sign-in or 实名 first), or null */
  waiting?: string | null;
}

let seq = 0;

/** Choose up to 4 photos, see them, remove one, watch each upload; a failed one can be tried again. */
export function PhotoPicker({ photos, onChange, waiting }: Props) {
  const left = COMPLAINT_RULES.maxPhotos - photos.length;
  const patch = (key: string, p: Partial<PickedPhoto>) => onChange((list) => list.map((x) => (x.key === key ? { ...x, ...p } : x)));

  function upload(photo: PickedPhoto) {
    patch(photo.key, { state: 'uploading', progress: 0, error: undefined });
    uploadComplaintPhoto(photo, (progress) => patch(photo.key, { progress })).then(
      (up) => patch(photo.key, { state: 'done', progress: 100, id: up.id }),
      (err: unknown) => {
        const e = asApiError(err);
        patch(photo.key, { state: 'failed', error: `${e.message}${e.hint}` });
      },
    );
  }

  async function choose() {
    let files: Array<{ path: string; name: string; file?: File }>;
    try {
      // chooseMedia: WeChat retired chooseImage; on H5 Taro gives the chosen File as originalFileObj
      const res = await Taro.chooseMedia({ count: left, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      files = res.tempFiles.map((f) => {
        const file = (f as { originalFileObj?: File }).originalFileObj;
        return { path: f.tempFilePath, name: file?.name ?? '', file };
      });
    } catch {
      return; // the citizen closed the picker
    }
    const picked = files
      .slice(0, left)
      .map((f) => ({ key: `p${++seq}-${LOAD_ID}`, path: f.path, name: f.name, file: f.file, progress: 0, state: 'uploading' as const, loadId: LOAD_ID }));
    onChange((list) => [...list, ...picked]);
    picked.forEach(upload);
  }

  return (
    <View className='zc-photos'>
      <View className='zc-photos__grid'>
        {photos.map((p, i) => (
          <View key={p.key} className='zc-photo'>
            {p.loadId === LOAD_ID ? (
              <Image
                className='zc-photo__img'
                src={p.path}
                mode='aspectFill'
                nativeProps={{ alt: `第${i + 1}张照片，点击查看大图`, role: 'button', tabIndex: 0 }}
                onClick={() => void Taro.previewImage({ current: p.path, urls: photos.filter((x) => x.loadId === LOAD_ID).map((x) => x.path) })}
              />
            ) : (
              <View className='zc-photo__img zc-photo__kept'>
                <Text>第{i + 1}张照片</Text>
              </View>
            )}
            <Text className={`zc-photo__state zc-photo__state--${p.state}`}>
              {p.state === 'uploading' ? `上传中 ${p.progress}%` : p.state === 'done' ? '已上传' : '上传失败'}
            </Text>
            {p.state === 'failed' ? (
              <Button size='small' onClick={() => upload(p)}>
                重试
              </Button>
            ) : null}
            <Button size='small' fill='outline' onClick={() => onChange((list) => list.filter((x) => x.key !== p.key))}>
              删除
            </Button>
          </View>
        ))}
      </View>
      {photos
        .filter((p) => p.error)
        .map((p) => (
          <Text key={p.key} className='zc-photos__error'>
            {p.error}
          </Text>
        ))}
      {left > 0 ? (
        <Button fill='outline' block disabled={Boolean(waiting)} onClick={() => void choose()}>
          {waiting ?? `添加照片（还可以加${left}张）`}
        </Button>
      ) : null}
      <Text className='jsb-muted'>JPEG、PNG 或 WebP，{complaintWords().photoMax}。上传时会去掉照片里的拍摄位置和相机信息。</Text>
    </View>
  );
}

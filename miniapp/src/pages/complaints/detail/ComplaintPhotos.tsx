import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { complaintPhotoPath } from '../../../api/complaints';
import { Button } from '../../../components/ui';

type Shown = { state: 'loading' } | { state: 'ready'; path: string } | { state: 'failed' };

/** The photos sent with a complaint: thumbnails, tap for the large view; each one loads on its own and can be retried. */
export function ComplaintPhotos({ id, photoIds }: { id: string; photoIds: string[] }) {
  const [shown, setShown] = useState<Record<string, Shown>>({});

  function load(photoId: string) {
    setShown((s) => ({ ...s, [photoId]: { state: 'loading' } }));
    complaintPhotoPath(id, photoId).then(
      (path) => setShown((s) => ({ ...s, [photoId]: { state: 'ready', path } })),
      () => setShown((s) => ({ ...s, [photoId]: { state: 'failed' } })),
    );
  }

  useEffect(() => {
    photoIds.forEach(load);
    // the photos of this complaint, loaded once per complaint
  }, [id, photoIds.join(',')]);

  const ready = photoIds.map((p) => shown[p]).flatMap((s) => (s?.state === 'ready' ? [s.path] : []));
  return (
    <View className='zc-photos__grid' aria-label={`${photoIds.length}张照片`}>
      {photoIds.map((photoId, i) => {
        const s = shown[photoId] ?? { state: 'loading' };
        if (s.state === 'ready') {
          return (
            <View key={photoId} className='zc-photo'>
              <Image
                className='zc-photo__img'
                src={s.path}
                mode='aspectFill'
                nativeProps={{ alt: `第${i + 1}张照片，点击查看大图`, role: 'button', tabIndex: 0 }}
                onClick={() => void Taro.previewImage({ current: s.path, urls: ready })}
              />
            </View>
          );
        }
        return (
          <View key={photoId} className='zc-photo zc-photo__placeholder'>
            <Text className={s.state === 'failed' ? 'zc-photo__state--failed' : 'jsb-muted'}>
              {s.state === 'failed' ? `第${i + 1}张照片暂时打不开` : `第${i + 1}张照片加载中…`}
            </Text>
            {s.state === 'failed' ? (
              <Button size='small' onClick={() => load(photoId)}>
                重新加载
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { COMPLAINT_CATEGORIES, COMPLAINT_RULES, type ComplaintCategory } from '@jsb/shared'
import { asApiError, listHalls, type ApiError } from '../../../api'
import { createComplaint } from '../../../api/complaints'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Page } from '../../../components/Page'
import { SignInRequired } from '../../../components/SignInRequired'
import { StateBlock } from '../../../components/StateBlock'
import { Button } from '../../../components/ui'
import { useActionKey } from '../../../hooks/useActionKey'
import { useLoad } from '../../../hooks/useLoad'
import { useSignedIn } from '../../../hooks/useSignedIn'
import { complaintUrl, COMPLAINT_LIST } from '../../../utils/complaint-format'
import { AnonymousSwitch } from './AnonymousSwitch'
import { PhotoPicker, type PickedPhoto } from './PhotoPicker'
import '../index.scss'

/** 我要找茬: what went wrong, where, a description, photos, and whether staff may see who complained. */
export default function NewComplaint() {
  const signedIn = useSignedIn()
  const halls = useLoad(listHalls, [], signedIn)
  const [category, setCategory] = useState<ComplaintCategory | null>(null)
  const [hallId, setHallId] = useState<string | null>(null)
  const [zoneId, setZoneId] = useState<string | null>(null)
  const [windowNo, setWindowNo] = useState('')
  const [staffNo, setStaffNo] = useState('')
  const [description, setDescription] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [sending, setSending] = useState(false)
  const key = useActionKey()

  if (!signedIn) return <Page><SignInRequired why='登录并实名认证后可以找茬，限时答复，进度随时可查。' /></Page>

  const hall = halls.data?.find((h) => h.id === hallId) ?? null
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    key.renew()
    setProblem(null)
  }

  async function submit() {
    const missing = !category ? '请选择问题类型。' : !hallId ? '请选择是哪个大厅。' : description.trim().length < 5 ? '请至少写5个字，说清遇到了什么问题。' : null
    if (missing) return setProblem(missing)
    if (photos.some((p) => p.state === 'uploading')) return setProblem('照片还在上传，请稍等几秒再提交。')
    if (photos.some((p) => p.state === 'failed')) return setProblem('有照片没有上传成功：请点“重试”，或删除这张照片后再提交。')
    setSending(true)
    setError(null)
    try {
      const created = await createComplaint(
        {
          category: category!,
          target: { hallId: hallId!, ...(zoneId ? { zoneId } : {}), ...(windowNo.trim() ? { windowNo: windowNo.trim() } : {}), ...(staffNo.trim() ? { staffNo: staffNo.trim() } : {}) },
          description: description.trim(),
          anonymous,
          photoIds: photos.map((p) => p.id!).filter(Boolean),
        },
        key.take(),
      )
      key.renew()
      void Taro.redirectTo({ url: complaintUrl(created.id, true) })
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setSending(false)
    }
  }

  return (
    <Page className='zc'>
      <View className='jsb-card'>
        <Text className='jsb-subtitle'>遇到什么问题？</Text>
        <View className='zc-chips'>
          {COMPLAINT_CATEGORIES.map((c) => (
            <View key={c} className={`zc-chip${category === c ? ' zc-chip--on' : ''}`} role='radio' aria-checked={category === c} onClick={() => changed(setCategory)(c)}>
              <Text>{c}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>在哪里？</Text>
        {halls.status === 'loading' && !halls.data ? <StateBlock tone='loading' text='正在读取大厅列表…' /> : null}
        {halls.status === 'error' ? <ErrorNotice error={halls.error} retryText='重新加载' onRetry={halls.reload} /> : null}
        <View className='zc-chips'>
          {(halls.data ?? []).map((h) => (
            <View
              key={h.id}
              className={`zc-chip${hallId === h.id ? ' zc-chip--on' : ''}`}
              role='radio'
              aria-checked={hallId === h.id}
              onClick={() => {
                changed(setHallId)(h.id)
                setZoneId(null)
              }}
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
                <View key={z.id} className={`zc-chip zc-chip--small${zoneId === z.id ? ' zc-chip--on' : ''}`} role='radio' aria-checked={zoneId === z.id} onClick={() => changed(setZoneId)(zoneId === z.id ? null : z.id)}>
                  <Text>{z.name}</Text>
                </View>
              ))}
            </View>
          </View>
        ) : null}
        <Input className='zc-input' placeholder='窗口号（可不填），如 12' maxlength={10} value={windowNo} onInput={(e) => changed(setWindowNo)(e.detail.value)} />
        <Input className='zc-input' placeholder='工作人员工号（可不填）' maxlength={20} value={staffNo} onInput={(e) => changed(setStaffNo)(e.detail.value)} />
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>发生了什么？</Text>
        <Textarea
          className='zc-textarea'
          placeholder='请写清时间、经过和您希望怎样解决（至少5个字）'
          maxlength={COMPLAINT_RULES.descriptionMax}
          value={description}
          onInput={(e) => changed(setDescription)(e.detail.value)}
        />
        <Text className='jsb-muted'>
          {description.length}/{COMPLAINT_RULES.descriptionMax}
        </Text>
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>照片（可不传，最多4张）</Text>
        <PhotoPicker photos={photos} onChange={(update) => setPhotos(update)} />
      </View>

      <View className='jsb-card'>
        <AnonymousSwitch on={anonymous} onToggle={() => changed(setAnonymous)(!anonymous)} />
      </View>

      {problem ? <Text className='zc-problem'>{problem}</Text> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <Button type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void submit()}>
        提交找茬
      </Button>
      <Text className='jsb-muted zc-foot'>1个工作日内签收，5个工作日内答复；政务系统暂时连不上时会先保存，恢复后自动转交。</Text>
      <Button fill='none' block onClick={() => void Taro.navigateTo({ url: COMPLAINT_LIST })}>
        查看我的找茬
      </Button>
    </Page>
  )
}

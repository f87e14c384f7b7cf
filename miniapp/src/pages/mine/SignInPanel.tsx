import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { asApiError, type ApiError } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Button } from '../../components/ui'
import { signIn } from '../../services/auth'

export function SignInPanel({ notice }: { notice: ApiError | null }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  async function onSignIn() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await signIn()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const shown = error ?? notice
  return (
    <View className='jsb-card mine__signin'>
      <Text className='jsb-title'>登录济时办</Text>
      <Text className='mine__lead'>登录后可以预约办事、查看办件进度、找茬和评价。</Text>
      <Button className='mine__signin-button' type='primary' size='large' block loading={busy} onClick={() => void onSignIn()}>
        微信一键登录
      </Button>
      {shown ? <ErrorNotice error={shown} /> : null}
      <Text className='jsb-muted'>我们只用微信身份识别您，不会读取您的微信好友和聊天信息。</Text>
    </View>
  )
}

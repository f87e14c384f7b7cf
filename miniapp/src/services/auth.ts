import Taro from '@tarojs/taro';
import { ApiError, devLoginCode, logout, session, wechatLogin } from '../api';
import { getDevOpenid } from './dev-identity';
import { discardAllDrafts } from './drafts';
import { loadMe } from './me';

/** weapp: wx.login gives a one-time code that the bff exchanges with WeChat. */
async function wechatCode(): Promise<string> {
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch (cause) {
    throw new ApiError({
      code: 'WECHAT_CODE_INVALID',
      message: '微信登录没有完成。',
      hint: '请检查网络后重新点击“微信一键登录”。',
      status: 0,
      cause,
    });
  }
  if (!code) {
    throw new ApiError({ code: 'WECHAT_CODE_INVALID', message: '没有拿到微信登录凭证。', hint: '请重新点击“微信一键登录”。', status: 0 });
  }
  return code;
}

/** Signs in with WeChat (on H5: the development sign-in), then loads the profile. Throws ApiError. */
export async function signIn(): Promise<void> {
  // TARO_ENV is a build-time constant: the development branch is compiled out of the weapp build
  const code = process.env.TARO_ENV === 'h5' ? (await devLoginCode(getDevOpenid())).code : await wechatCode();
  session.save(await wechatLogin(code));
  await loadMe();
}

/** Ends the session on the server if it can; the local sign-out happens either way. */
export async function signOut(): Promise<void> {
  try {
    if (session.get()) await logout();
  } catch (err) {
    // offline or already expired: the server session runs out on its own
    console.warn('[auth] logout', err);
  } finally {
    session.clear();
    discardAllDrafts();
  }
}

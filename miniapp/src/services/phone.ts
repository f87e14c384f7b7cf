import { bindPhone, devPhoneCode } from '../api';
import { setMe } from './me';

/** Binds the number WeChat vouched for; `code` comes from <Button openType="getPhoneNumber">. */
export async function bindPhoneWithCode(code: string, idempotencyKey: string): Promise<void> {
  setMe(await bindPhone({ code }, idempotencyKey));
}

/** H5 development only: the WeChat mock issues the code that getPhoneNumber would give on a phone. */
export async function bindPhoneForDev(phoneNumber: string, idempotencyKey: string): Promise<void> {
  const { code } = await devPhoneCode(phoneNumber.replace(/\s+/g, ''));
  await bindPhoneWithCode(code, idempotencyKey);
}

import { bindRealName } from '../api';
import { normalizeIdNumber } from '../utils/validate';
import { setMe } from './me';

export async function verifyRealName(name: string, idNumber: string, idempotencyKey: string): Promise<void> {
  setMe(await bindRealName({ name: name.trim(), idNumber: normalizeIdNumber(idNumber) }, idempotencyKey));
}

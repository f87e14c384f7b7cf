import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test keys for WeChat Pay v3, made with `openssl` at set-up and never committed (Node 20 cannot create an
 * X.509 certificate): the merchant API certificate and key (商户API证书, what the bff signs requests with) and
 * the platform key (微信支付公钥, what WeChat signs answers and notifications with), plus the APIv3 key.
 */
export interface WxpayKeys {
  mchid: string;
  merchantPrivateKeyPem: string;
  merchantCertPem: string;
  /** upper-case hex, as WeChat shows it */
  merchantSerial: string;
  platformKeys: PlatformKey[];
  apiV3Key: string;
}

export interface PlatformKey {
  /** `PUB_KEY_ID_…` (微信支付公钥 mode) */
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export const TEST_MCHID = '1900000109';

function openssl(args: string[]): string {
  try {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`wxpay keys: openssl ${args[0]} failed (is openssl installed?): ${(err as Error).message}`);
  }
}

function generate(dir: string, mchid: string): void {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path.join(dir, 'apiclient_key.pem'),
    '-out',
    path.join(dir, 'apiclient_cert.pem'),
    '-days',
    '3650',
    '-subj',
    `/CN=${mchid}/O=WXPAY-TEST/OU=jishiban`,
  ]);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path.join(dir, 'platform_key.pem')]);
  writeFileSync(path.join(dir, 'apiv3.key'), randomBytes(24).toString('base64url').slice(0, 32));
  writeFileSync(path.join(dir, 'platform_serial.txt'), `PUB_KEY_ID_01${mchid}${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 43));
}

function read(dir: string, mchid: string): WxpayKeys {
  const merchantCertPem = readFileSync(path.join(dir, 'apiclient_cert.pem'), 'utf8');
  const privateKeyPem = readFileSync(path.join(dir, 'platform_key.pem'), 'utf8');
  return {
    mchid,
    merchantPrivateKeyPem: readFileSync(path.join(dir, 'apiclient_key.pem'), 'utf8'),
    merchantCertPem,
    merchantSerial: new X509Certificate(merchantCertPem).serialNumber.toUpperCase(),
    platformKeys: [
      {
        serial: readFileSync(path.join(dir, 'platform_serial.txt'), 'utf8').trim(),
        privateKeyPem,
        publicKeyPem: createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString(),
      },
    ],
    apiV3Key: readFileSync(path.join(dir, 'apiv3.key'), 'utf8').trim(),
  };
}

/**
 * The keys in `dir`, made there first if missing. Made in a scratch folder and renamed into place, so two test
 * workers starting at once never read half-written files.
 */
export function loadOrCreateWxpayKeys(dir = path.join(tmpdir(), `jsb-wxpay-keys-${process.getuid?.() ?? 'u'}`), mchid = TEST_MCHID): WxpayKeys {
  if (!existsSync(path.join(dir, 'apiv3.key'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    const scratch = mkdtempSync(path.join(path.dirname(dir), '.wxpay-keys-'));
    generate(scratch, mchid);
    try {
      renameSync(scratch, dir);
    } catch {
      rmSync(scratch, { recursive: true, force: true }); // somebody else won the race: use theirs
    }
  }
  return read(dir, mchid);
}

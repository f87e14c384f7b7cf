import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone } from '../support/browser';

jest.setTimeout(60_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_signin', h5Dist: H5_DIST });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

/** A GET with node's http client: the path is sent as written (no URL clean-up) and the body arrives still encoded. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
          .on('error', reject);
      })
      .on('error', reject);
  });
}

describe('the bff serving the H5 build', () => {
  it('still answers its own paths with JSON: /healthz, /readyz and unknown API paths', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const r = await fetch(s.bffUrl + path);
      expect(r.headers.get('content-type')).toContain('application/json');
      expect(await r.json()).toMatchObject({ status: 'ok' });
    }
    const missing = await fetch(`${s.bffUrl}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
    const page = await fetch(`${s.bffUrl}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    // paths the file server will not read answer 404 with our error body, never a 500
    for (const odd of ['//js/app.js', '/js/%E0%A4%A.js', '/..%2f..%2fetc/passwd']) {
      const r = await rawGet(`${s.bffUrl}${odd}`);
      expect([odd, r.status, (JSON.parse(r.body.toString()) as { error: { code: string } }).error.code]).toEqual([odd, 404, 'NOT_FOUND']);
    }
  });

  it('sends a phone that accepts Brotli a quarter of the bytes, the same script once decoded; a phone that does not gets the plain file', async () => {
    const html = await (await fetch(`${s.bffUrl}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const url = new URL(src, s.bffUrl).href;
      const plain = await rawGet(url, { 'accept-encoding': 'identity' });
      const packed = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(packed.headers['content-encoding']).toBe('br');
      expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(packed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(packed.body).equals(plain.body)).toBe(true);
      if (plain.body.length > 20_000) expect(packed.body.length).toBeLessThan(plain.body.length * 0.4);
    }
  });
});

describe('H5 build: sign in on 我的', () => {
  it('signs in with the development WeChat login, binds a real name and shows it masked', async () => {
    const { page } = phone;
    const person = SEED_PERSONS.find((p) => p.name === '孟繁星')!;
    await page.goto(`${s.bffUrl}/#/pages/mine/index?openid=browser_citizen_1`);
    await page.getByText('微信一键登录').click();
    await page.getByText('未实名认证').waitFor();
    await phone.screenshot('mine-signed-in');

    await page.getByText('去实名认证').click();
    await page.getByRole('textbox', { name: '请填写身份证上的姓名' }).fill(person.name);
    // a typo in the number is caught before anything is sent
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '1' ? '2' : '1');
    await page.getByRole('textbox', { name: '请填写18位身份证号码' }).fill(wrong);
    await page.getByText('提交认证').click();
    await page
      .getByText(/校验码/)
      .first()
      .waitFor();
    await page.getByRole('textbox', { name: '请填写18位身份证号码' }).fill(person.idNumber);
    await page.getByText('提交认证').click();

    // back on 我的, the number is masked and the full number is nowhere on the page
    await page.getByText('370***********6317').waitFor();
    await page.getByText('孟*星', { exact: true }).waitFor();
    await page.getByText('孟*星，您好').waitFor();
    expect(await page.content()).not.toContain(person.idNumber);
    await page.getByText('提交认证').waitFor({ state: 'hidden' });
    await phone.screenshot('mine-real-name');

    // the citizen really exists in the bff's database, signed in with that openid
    const citizen = await s.db.collection('citizens').findOne({ openid: 'browser_citizen_1' });
    expect(citizen?.realName?.idNumberMasked).toBe('370***********6317');
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });

  it('signs out with 退出登录 and the session is revoked on the server', async () => {
    const { page } = phone;
    await page.getByText('退出登录').click();
    await page.getByText('微信一键登录').locator('visible=true').waitFor();
    const session = await s.db.collection('sessions').findOne({ openid: 'browser_citizen_1' }, { sort: { _id: -1 } });
    expect(session?.revokedReason).toBe('logout');
  });
});

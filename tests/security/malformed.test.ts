/**
 * Oversized and malformed requests on every operation of the OpenAPI document: huge and deeply nested JSON, wrong
 * content types, invalid UTF-8, arrays and operators where strings are expected, path traversal in ids, prototype keys.
 * The answer is always a 4xx with our error body (the WeChat Pay notify route: WeChat's { code: 'FAIL' }), never a 5xx.
 */
import http from 'node:http';
import { startStack, type Stack } from '../support/stack';
import { call } from '../support/http';
import { verifiedCitizen } from '../support/citizens';

jest.setTimeout(180_000);

interface Op {
  operationId: string;
  security: unknown[];
  requestBody?: { content: Record<string, unknown> };
  parameters?: { name: string; in: string }[];
}
type Doc = { paths: Record<string, Record<string, Op>> };
interface Raw {
  status: number;
  text: string;
  json: unknown;
}

let s: Stack;
let token: string;
let doc: Doc;
let ops: { method: string; path: string; op: Op }[];

beforeAll(async () => {
  s = await startStack({ name: 'sec-malformed' });
  s.clock.freeze();
  token = (await verifiedCitizen(s)).accessToken;
  doc = (await call<Doc>(s.bffUrl, 'GET', '/api/v1/openapi.json')).body;
  ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.entries(o).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
});
afterAll(() => s?.close());

/** Exact bytes on the wire: node:http sends the path as given (fetch would normalise it). */
function raw(method: string, path: string, o: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Raw> {
  const url = new URL(s.bffUrl);
  return new Promise((resolve, reject) => {
    const length = o.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(o.body)) };
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: { authorization: `Bearer ${token}`, ...length, ...o.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

const fill = (path: string, value = 'X1') => path.replace(/\{[^}]+\}/g, value);
const isNotify = (path: string) => path.endsWith('/wechat/notify');

/** 4xx with the error body this operation documents. */
function refusedProperly(what: string, path: string, r: Raw, problems: string[]): void {
  const body = r.json as { error?: { code?: string; message?: string; hint?: string; requestId?: string }; code?: string; message?: string } | undefined;
  const shaped = isNotify(path)
    ? body?.code === 'FAIL' && typeof body.message === 'string'
    : !!body?.error?.code && !!body.error.message && !!body.error.hint && !!body.error.requestId;
  if (r.status < 400 || r.status >= 500 || !shaped) problems.push(`${what}: ${r.status} ${r.text.slice(0, 160)}`);
}

/** Never 5xx; a 4xx carries the error body; a 2xx/3xx is allowed (e.g. an operation that ignores a stray query). */
function noServerError(what: string, path: string, r: Raw, problems: string[]): void {
  if (r.status >= 500 || r.status === 0) problems.push(`${what}: ${r.status} ${r.text.slice(0, 160)}`);
  else if (r.status >= 400) refusedProperly(what, path, r, problems);
}

const bodyOps = () => ops.filter((o) => o.op.requestBody);

describe('malformed bodies on every operation that takes one', () => {
  it('answers 413 for a body over the limit (1 MB of JSON; 6 MB to the photo and 补正 file uploads)', async () => {
    const problems: string[] = [];
    for (const { method, path } of bodyOps()) {
      const photo = path.endsWith('/complaints/photos') || path.endsWith('/files');
      const big = Buffer.alloc(photo ? 6 * 1024 * 1024 : 1024 * 1024, 0x20);
      big.write('{"a":"', 0);
      big.write('"}', big.length - 2);
      const r = await raw(method, fill(path), { headers: { 'content-type': photo ? 'image/jpeg' : 'application/json' }, body: big });
      refusedProperly(`${method} ${path} huge`, path, r, problems);
      if (r.status !== 413) problems.push(`${method} ${path} huge: ${r.status}, expected 413`);
      const code = (r.json as { error?: { code?: string } } | undefined)?.error?.code;
      if (!isNotify(path) && !['BODY_TOO_LARGE', 'PHOTO_TOO_LARGE', 'FILE_TOO_LARGE'].includes(code ?? '')) problems.push(`${method} ${path} huge: ${code}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses deep nesting, invalid JSON, invalid UTF-8, prototype keys and NoSQL operators with 4xx', async () => {
    const bodies: [string, Buffer | string][] = [
      ['deep arrays', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
      ['deep objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
      ['truncated', '{"code": "abc'],
      ['not json', 'hello'],
      ['json scalar', '42'],
      ['json null', 'null'],
      ['json string', '"x"'],
      ['invalid utf-8', Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
      ['utf-16 bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"code":"x"}', 'utf16le')])],
      ['nul bytes', '{"code":"\u0000\u0000","device":"\u0000"}'],
      ['lone surrogate', '{"code":"\\ud800","reason":"\\udfff\\ud800 还没有解决"}'],
      ['__proto__', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'],
      ['operators', '{"code":{"$ne":null},"id":{"$gt":""},"caseNo":{"$regex":".*"},"payableId":{"$ne":""},"slotId":{"$where":"1"}}'],
      ['huge number', '{"amountFen":1e309,"code":123456789012345678901234567890}'],
      ['duplicate keys', '{"code":"a","code":{"$ne":1}}'],
    ];
    const problems: string[] = [];
    for (const { method, path } of bodyOps()) {
      for (const [what, body] of bodies) {
        const r = await raw(method, fill(path), { headers: { 'content-type': 'application/json' }, body });
        refusedProperly(`${method} ${path} ${what}`, path, r, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers 415 for JSON sent with another content type, and 4xx for forms and multipart', async () => {
    const problems: string[] = [];
    for (const { method, path } of bodyOps()) {
      if (path.endsWith('/complaints/photos')) continue; // takes images and multipart by design; its type checks are tested in complaints.test.ts
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=utf-16',
      ]) {
        const body = type.startsWith('application/x-www')
          ? 'code=abc&a[b]=c'
          : type.startsWith('multipart')
            ? '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nabc\r\n--x--\r\n'
            : '{"code":"abc"}';
        const r = await raw(method, fill(path), { headers: { 'content-type': type }, body });
        refusedProperly(`${method} ${path} as ${type}`, path, r, problems);
      }
      const none = await raw(method, fill(path), { body: '{"code":"abc"}' });
      refusedProperly(`${method} ${path} without a content type`, path, none, problems);
    }
    expect(problems).toEqual([]);
  });
});

describe('malformed ids and queries on every operation', () => {
  it('refuses path traversal, encoded slashes, NUL, invalid percent-encoding and very long ids in path parameters', async () => {
    const ids = [
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      '..%5C..%5Cwindows',
      '%00',
      'a%00b',
      '%FF%FE',
      '%',
      '%E4%B8',
      'a%2Fb',
      '%24ne',
      '%7B%22%24gt%22%3A%22%22%7D',
      'x'.repeat(5000),
      '%20',
      "'%20OR%201=1--",
    ];
    const problems: string[] = [];
    for (const { method, path, op } of ops.filter((o) => o.path.includes('{'))) {
      for (const id of ids) {
        const body = op.requestBody ? '{}' : undefined;
        const r = await raw(method, fill(path, id), { headers: body ? { 'content-type': 'application/json' } : {}, body });
        // an id that is not one: 400 (format) or 404 (no such thing), never 5xx, never 2xx
        if (r.status >= 500 || r.status < 400) problems.push(`${method} ${path} id=${id.slice(0, 30)}: ${r.status} ${r.text.slice(0, 160)}`);
        else refusedProperly(`${method} ${path} id=${id.slice(0, 30)}`, path, r, problems);
      }
    }
    // and the same outside any route
    for (const p of ['/api/v1/../../etc/passwd', '/api/v1/%2e%2e/%2e%2e/etc/passwd', '/api/v1/%FF', '/api/v1/appointments/%', '/api/%00']) {
      const r = await raw('GET', p);
      if (r.status >= 500 || r.status < 400 || r.text.includes('root:')) problems.push(`GET ${p}: ${r.status} ${r.text.slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses arrays, operators and unknown keys in queries where strings are expected', async () => {
    const problems: string[] = [];
    for (const { method, path, op } of ops.filter((o) => o.method === 'GET')) {
      const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const base = fill(path);
      const queries = names.length
        ? names.flatMap((n) => [`${n}=a&${n}=b`, `${n}[]=x`, `${n}[$ne]=x`, `${n}=%FF`, `${n}=${'x'.repeat(3000)}`, `${n}=%`])
        : ['a=1&a=2', 'x[$ne]=1', '%FF=%FE'];
      for (const q of queries) {
        const r = await raw(method, `${base}?${q}`);
        // operations with query parameters must refuse; the others may ignore a stray query
        if (names.length && r.status < 400 && /^(\w+)=.*&\1=/.test(q)) problems.push(`${method} ${path}?${q.slice(0, 40)}: ${r.status}, expected a refusal`);
        noServerError(`${method} ${path}?${q.slice(0, 40)}`, path, r, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers 405 METHOD_NOT_ALLOWED or 404 for methods a path does not have, never 5xx', async () => {
    const problems: string[] = [];
    for (const path of Object.keys(doc.paths)) {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']) {
        if (doc.paths[path]![method.toLowerCase()]) continue;
        const r = await raw(method, fill(path), method === 'TRACE' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' });
        if (r.status >= 500 || r.status === 0) problems.push(`${method} ${path}: ${r.status} ${r.text.slice(0, 120)}`);
        if (method !== 'OPTIONS' && ![404, 405].includes(r.status)) problems.push(`${method} ${path}: ${r.status}, expected 405 ${r.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

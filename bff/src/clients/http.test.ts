import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, UpstreamError } from './http';

/** Each test owns a real local server whose behaviour it scripts. */
async function server(handler: http.RequestListener) {
  const srv = http.createServer(handler);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, close: () => (srv.closeAllConnections(), new Promise((r) => srv.close(r))) };
}

describe('upstream HTTP client', () => {
  it('gives up after the timeout with an UpstreamError of kind timeout', async () => {
    const s = await server(() => {});
    try {
      const c = createHttpClient({ name: 'slow', baseUrl: s.url, timeoutMs: 100, retries: 0 });
      await expect(c.request('/x')).rejects.toMatchObject({ kind: 'timeout', upstream: 'slow' });
    } finally {
      await s.close();
    }
  });

  it('retries a GET after a 5xx but never a plain POST', async () => {
    let gets = 0;
    let posts = 0;
    const s = await server((req, res) => {
      if (req.method === 'GET') gets++;
      else posts++;
      if (req.method === 'GET' && gets === 1) return void res.writeHead(503).end();
      if (req.method === 'POST') return void res.writeHead(502).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    try {
      const c = createHttpClient({ name: 'flaky', baseUrl: s.url, timeoutMs: 1000, retries: 1 });
      await expect(c.request('/r')).resolves.toMatchObject({ status: 200, body: { ok: true } });
      expect(gets).toBe(2);
      await expect(c.request('/w', { method: 'POST', body: {} })).rejects.toBeInstanceOf(UpstreamError);
      expect(posts).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('opens the circuit after repeated failures and fails fast without calling', async () => {
    let calls = 0;
    const s = await server((_req, res) => {
      calls++;
      res.writeHead(500).end();
    });
    try {
      const c = createHttpClient({ name: 'down', baseUrl: s.url, timeoutMs: 500, retries: 0, breaker: { failureThreshold: 3, cooldownMs: 60_000 } });
      for (let i = 0; i < 3; i++) await expect(c.request('/x')).rejects.toMatchObject({ kind: 'server' });
      await expect(c.request('/x')).rejects.toMatchObject({ kind: 'circuit-open' });
      expect(calls).toBe(3);
      expect(c.breakerFor('/x').state).toBe('open');
    } finally {
      await s.close();
    }
  });

  it('keeps one circuit per service when told how to group paths: a failing service does not stop the others', async () => {
    const s = await server((req, res) => {
      if (req.url!.startsWith('/broken/')) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    try {
      const c = createHttpClient({
        name: 'core',
        baseUrl: s.url,
        timeoutMs: 500,
        retries: 0,
        breaker: { failureThreshold: 3, cooldownMs: 60_000 },
        circuitOf: (p) => p.split('/')[1]!,
      });
      for (let i = 0; i < 3; i++) await expect(c.request(`/broken/${i}`)).rejects.toMatchObject({ kind: 'server' });
      await expect(c.request('/broken/again')).rejects.toMatchObject({ kind: 'circuit-open', upstream: 'core broken' });
      await expect(c.request('/healthy/1')).resolves.toMatchObject({ status: 200 });
      expect([c.breakerFor('/broken/x').state, c.breakerFor('/healthy/x').state]).toEqual(['open', 'closed']);
    } finally {
      await s.close();
    }
  });

  it('signs over the exact method, path with query and body', async () => {
    let seen: { sig?: string; url?: string } = {};
    const s = await server((req, res) => {
      seen = { sig: String(req.headers['x-sig']), url: req.url };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    try {
      const c = createHttpClient({ name: 'signed', baseUrl: s.url, timeoutMs: 500, sign: (r) => ({ 'x-sig': `${r.method} ${r.pathWithQuery} ${r.body}` }) });
      await c.request('/p', { method: 'POST', query: { a: 1, b: undefined }, body: { z: 1 } });
      expect(seen).toEqual({ sig: 'POST /p?a=1 {"z":1}', url: '/p?a=1' });
    } finally {
      await s.close();
    }
  });
});

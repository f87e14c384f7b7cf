import Koa from 'koa';
import { request as httpRequest, Agent } from 'node:http';
import { listen } from './server';

describe('listen', () => {
  it('serves on an ephemeral port and closes even with a keep-alive socket open', async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.body = { ok: true };
    });
    const server = await listen(app, 0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);

    const agent = new Agent({ keepAlive: true });
    const body = await new Promise<string>((resolve, reject) => {
      httpRequest(`${server.url}/`, { agent }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body)).toEqual({ ok: true });

    await server.close(); // would hang on the idle keep-alive socket without closeAllConnections
    agent.destroy();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
  });
});

/**
 * Bench child: the baseline — a bare Koa server answering BENCH_BODY (a JSON file) to every request: as an object Koa
 * serialises each time (the baseline), or with BENCH_BARE_TEXT=1 as the JSON text read once (what the bff does
 * with a cached answer since it keeps the entry's JSON).
 */
import { readFileSync } from 'node:fs';
import Koa from 'koa';
import { ready } from '../procs';

const text = readFileSync(process.env.BENCH_BODY!, 'utf8');
const asText = process.env.BENCH_BARE_TEXT === '1';
const body: unknown = JSON.parse(text);
const app = new Koa();
app.use((ctx) => {
  if (asText) {
    ctx.type = 'application/json';
    ctx.body = text;
  } else ctx.body = body;
});
const server = app.listen(0, '127.0.0.1', () => {
  ready({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }, async () => {
    server.closeAllConnections();
    server.close();
  });
});

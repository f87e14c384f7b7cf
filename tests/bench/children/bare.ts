/** Bench child: the baseline — a bare Koa server answering BENCH_BODY (a JSON file) to every request. */
import { readFileSync } from 'node:fs';
import Koa from 'koa';
import { ready } from '../procs';

const body: unknown = JSON.parse(readFileSync(process.env.BENCH_BODY!, 'utf8'));
const app = new Koa();
app.use((ctx) => {
  ctx.body = body;
});
const server = app.listen(0, '127.0.0.1', () => {
  ready({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }, async () => {
    server.closeAllConnections();
    server.close();
  });
});

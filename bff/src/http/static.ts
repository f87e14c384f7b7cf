import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import send from 'koa-send';

/**
 * Serves the H5 build at `/`. Hashed assets are cached for a year; index.html never, so a new build is picked up.
 * Unknown non-API paths fall back to index.html (deep links).
 */
export function serveH5(root: string): Middleware {
  const dir = path.resolve(root);
  const index = path.join(dir, 'index.html');
  const files = serve(dir, {
    index: 'index.html',
    setHeaders: (res, p) => res.setHeader('Cache-Control', p.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/__') || !['GET', 'HEAD'].includes(ctx.method)) return next();
    await files(ctx, async () => {});
    if (ctx.body !== undefined || ctx.status !== 404) return;
    if (path.extname(ctx.path) === '' && existsSync(index)) {
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: dir });
      return;
    }
    return next();
  };
}

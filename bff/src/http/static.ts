import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import send from 'koa-send';
import { AppError } from './errors';

/**
 * The page's Content-Security-Policy, allowing exactly the inline scripts of the built index.html by their hash
 * (Taro's H5 template sets the root font size inline), and nothing else inline.
 */
export function pageCsp(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  // Taro's H5 tab bar links are `<a href="javascript:;">`: allowed by their hash, nothing else inline
  const noopLink = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')} 'unsafe-hashes' ${noopLink}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Serves the H5 build at `/`. Hashed assets are cached for a year; index.html never, so a new build is picked up.
 * The build writes Brotli and gzip copies of its text assets (scripts/precompress.ts); a browser that accepts them
 * gets those bytes. Unknown non-API paths fall back to index.html (deep links).
 */
export function serveH5(root: string): Middleware {
  const dir = path.resolve(root);
  const index = path.join(dir, 'index.html');
  const files = serve(dir, {
    index: 'index.html',
    setHeaders: (res, p) => {
      res.setHeader('Cache-Control', /\.html(\.br|\.gz)?$/.test(p) ? 'no-cache' : 'public, max-age=31536000, immutable');
      // the same URL answers Brotli, gzip or plain bytes: caches must keep them apart
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  let csp = { mtime: -1, value: '' };
  const currentCsp = () => {
    const mtime = existsSync(index) ? statSync(index).mtimeMs : 0;
    if (mtime !== csp.mtime) csp = { mtime, value: mtime ? pageCsp(readFileSync(index, 'utf8')) : '' };
    return csp.value;
  };
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/__') || !['GET', 'HEAD'].includes(ctx.method)) return next();
    const policy = currentCsp();
    if (policy) ctx.set('Content-Security-Policy', policy);
    try {
      await files(ctx, async () => {});
    } catch (err) {
      // a path koa-send will not read ("//x", "..%2f", a broken %-escape): nothing is there, not a fault of ours
      const status = (err as { status?: number }).status;
      if (status !== undefined && status >= 400 && status < 500) throw new AppError('NOT_FOUND', { cause: err });
      throw err;
    }
    if (ctx.body !== undefined || ctx.status !== 404) return;
    if (path.extname(ctx.path) === '' && existsSync(index)) {
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('Vary', 'Accept-Encoding');
      await send(ctx, 'index.html', { root: dir });
      return;
    }
    return next();
  };
}

import type { Connection } from 'mongoose';
import { healthSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { CoreClient } from '../../clients/core.client';
import { AppError } from '../../http/errors';

async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(t);
  }
}

/** /healthz: the process is up. /readyz: MongoDB and the core answer; 503 with the failing parts otherwise. */
export function healthRoutes(t: RouteTable, deps: { db: Connection; core: CoreClient }): void {
  t.add({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: '进程存活检查',
    tags: ['health'],
    auth: false,
    response: healthSchema,
    handler: async () => ({ status: 'ok' as const }),
  });
  t.add({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    summary: '就绪检查：数据库与政务核心系统是否可用',
    tags: ['health'],
    auth: false,
    response: healthSchema,
    errors: ['UPSTREAM_UNAVAILABLE'],
    handler: async () => {
      const checks: Record<string, string> = {};
      const [mongo, core] = await Promise.allSettled([
        within(deps.db.db ? deps.db.db.admin().ping() : Promise.reject(new Error('not connected')), 1500),
        within(deps.core.call('/core/v1/ping', { retry: false, timeoutMs: 1500 }), 2000),
      ]);
      checks.mongodb = mongo.status === 'fulfilled' ? 'ok' : 'unavailable';
      checks.core = core.status === 'fulfilled' ? 'ok' : 'unavailable';
      if (Object.values(checks).some((v) => v !== 'ok')) {
        throw new AppError('UPSTREAM_UNAVAILABLE', { message: '服务暂未就绪。', hint: '请稍后重试。', details: { checks } });
      }
      return { status: 'ok' as const, checks };
    },
  });
}

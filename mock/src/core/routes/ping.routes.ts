import type { CoreFeature } from './feature';

/** A signed no-op the bff's /readyz calls: it proves the core is reachable and accepts our signature. */
export const pingFeature: CoreFeature = {
  name: 'ping',
  routes(router, deps) {
    router.get('/ping', (ctx) => {
      ctx.body = { ok: true, now: deps.clock.now().toISOString() };
    });
  },
};

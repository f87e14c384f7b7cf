import type { Router } from '@koa/router';
import type { MockClock } from '../../infra/clock';
import type { CoreState } from '../state';

export interface CoreDeps {
  clock: MockClock;
  state: CoreState;
  /** the provincial 好差评 system (ratings are relayed there); absent: unreachable */
  provinceUrl?: string;
  /** signs the pages of the event feed (routes/events.routes.ts) */
  eventsSecret: string;
}

/**
 * One business area of the core systems. `routes` registers paths relative to `/core/v1`
 * (signature already verified); `admin` registers test-only paths relative to `/__mock`.
 */
export interface CoreFeature {
  name: string;
  routes(router: Router, deps: CoreDeps): void;
  admin?(router: Router, deps: CoreDeps): void;
}

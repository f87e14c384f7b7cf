import Koa from 'koa';
import type { Connection } from 'mongoose';
import type { Config } from './config';
import type { Logger } from './log';
import type { CoreClient } from './clients/core.client';
import type { WechatClient } from './clients/wechat.client';
import { AppError } from './http/errors';
import { requestContext, securityHeaders } from './http/middleware';
import { buildOpenApi } from './http/openapi';
import { createRouteTable, mountRoutes, requestBodies } from './http/route';
import { serveH5 } from './http/static';
import { auditModel } from './features/auth/audit.model';
import { citizenModel, openidLinkModel } from './features/auth/citizen.model';
import { sessionModel } from './features/auth/session.model';
import { createAuthService } from './features/auth/auth.service';
import { authRoutes } from './features/auth/auth.routes';
import { createMeService } from './features/me/me.service';
import { meRoutes } from './features/me/me.routes';
import { devRoutes } from './features/dev/dev.routes';
import { healthRoutes } from './features/health/health.routes';
import { createCoreBookingClient } from './clients/core-booking.client';
import { refusalToAppError } from './features/appointments/refusals';
import { createIdempotencyStore, idempotencyModel } from './db/idempotency';
import { createCatalogService } from './features/catalog/catalog.service';
import { catalogRoutes } from './features/catalog/catalog.routes';
import { searchRoutes } from './features/search/search.routes';
import { reminderModel } from './features/appointments/reminder.model';
import { createReminders } from './features/appointments/reminders';
import { createAppointmentsService } from './features/appointments/appointments.service';
import { appointmentRoutes } from './features/appointments/appointments.routes';
import type { PeriodicJob } from './jobs/runner';
import { claimModel, createClaims } from './db/claims';
import { expirySweepJob } from './db/expiry';
import { attemptModel, createRateLimiter } from './db/attempts';
import { createLists, listEntryModel } from './db/lists';
import { createOutbox, type Deliver } from './outbox/outbox';
import { outboxModel } from './outbox/outbox.model';
import { createPaymentsFeature } from './features/payments/payments.feature';
import { paymentRoutes } from './features/payments/payments.routes';
import { notifyFailures } from './features/payments/notify';
import { createCoreComplaintsClient } from './clients/core-complaints.client';
import { complaintRefusal } from './features/complaints/refusals';
import { complaintPhotoModel } from './features/complaints/photo.model';
import { COMPLAINT_KIND, createComplaintsService } from './features/complaints/complaints.service';
import { complaintRoutes } from './features/complaints/complaints.routes';
import type { ComplaintPayload } from './features/complaints/view';
import { createCoreCasesClient } from './clients/core-cases.client';
import { caseRefusal } from './features/cases/refusals';
import { createCasesService } from './features/cases/cases.service';
import { caseRoutes } from './features/cases/cases.routes';
import { createRatingsService, FOLLOW_UP_KIND, RATING_KIND, type RatingPayload } from './features/ratings/ratings.service';
import { ratingRoutes } from './features/ratings/ratings.routes';
import { createMessagesFeature } from './features/messages/messages.feature';
import { correctionFileModel } from './features/corrections/correction-file.model';
import { snapshotModel } from './features/corrections/snapshot.model';
import { CORRECTION_KIND, createCorrectionsService } from './features/corrections/corrections.service';
import { correctionRoutes } from './features/corrections/corrections.routes';
import type { CorrectionPayload } from './features/corrections/view';
import { createCoreCorrectionsClient } from './clients/core-corrections.client';
import { messageRoutes } from './features/messages/messages.routes';

export interface AppDeps {
  config: Config;
  db: Connection;
  wechat: WechatClient;
  core: CoreClient;
  /** the business clock (tests freeze it); never read Date.now() in domain code */
  clock: () => Date;
  log: Logger;
  /** names this instance in job claims; any unique string */
  instanceId?: string;
}

export const API_VERSION = '0.1.0';

/** Builds the bff; never listens (server.ts does). */
export function createApp(deps: AppDeps) {
  const { config, db, clock } = deps;
  const instanceId = deps.instanceId ?? `bff-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const models = {
    citizens: citizenModel(db),
    openidLinks: openidLinkModel(db),
    sessions: sessionModel(db),
    audit: auditModel(db),
    idempotency: idempotencyModel(db),
    reminders: reminderModel(db),
    claims: claimModel(db),
    outbox: outboxModel(db),
    complaintPhotos: complaintPhotoModel(db),
    rateAttempts: attemptModel(db),
    correctionFiles: correctionFileModel(db),
    correctionSnapshots: snapshotModel(db),
    listEntries: listEntryModel(db),
  };
  const claims = createClaims(models.claims);
  // a citizen's own lists (消息, 缴费记录, 我的找茬, 补正), found by _id alone (db/lists.ts, issue 14)
  const lists = createLists({ model: models.listEntries });
  // every rate limit: sign-in, 凭码查询, the 找茬 quota and photo uploads (db/attempts.ts)
  const limiter = createRateLimiter({ model: models.rateAttempts, clock });
  const idempotency = createIdempotencyStore({ model: models.idempotency, clock });
  // features register how each kind of queued write reaches its core system
  const deliverers: Record<string, Deliver> = {};
  const outbox = createOutbox({ model: models.outbox, lists, claims, owner: instanceId, clock, log: deps.log, deliverers });
  const auth = createAuthService({
    citizens: models.citizens,
    links: models.openidLinks,
    sessions: models.sessions,
    claims,
    wechat: deps.wechat,
    clock,
    userIdKey: config.PII_HASH_SECRET,
    refreshTtlSeconds: config.REFRESH_TTL_SECONDS,
    sessionCacheMs: config.SESSION_CACHE_MS,
    signInLimits: {
      limiter,
      perAddress: { max: config.SIGNIN_LIMIT_PER_ADDRESS, windowMs: 60_000 },
      perOpenid: { max: config.SIGNIN_LIMIT_PER_OPENID, windowMs: 10 * 60_000 },
    },
    tokens: { secret: config.JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, accessTtlSeconds: config.ACCESS_TTL_SECONDS },
  });
  const me = createMeService({ ...models, lists, core: deps.core, wechat: deps.wechat, piiHashSecret: config.PII_HASH_SECRET, clock });
  // each core client answers its area's refusals with our codes, once (features/*/refusals.ts)
  const coreBooking = createCoreBookingClient(deps.core, refusalToAppError);
  const catalog = createCatalogService({ core: coreBooking, clock });
  // 消息 and WeChat subscription messages: the core's event feed, the one-time consents (issue 12)
  const messages = createMessagesFeature({
    config,
    db,
    core: deps.core,
    wechat: deps.wechat,
    citizens: models.citizens,
    claims,
    lists,
    idempotency,
    clock,
    log: deps.log,
    owner: instanceId,
  });
  const reminders = createReminders({
    reminders: models.reminders,
    lists,
    citizens: models.citizens,
    wechat: deps.wechat,
    templateId: config.WECHAT_TPL_BOOKING_REMINDER,
    owner: instanceId,
    claims,
    consents: messages.consents,
    clock,
  });
  const appointments = createAppointmentsService({
    core: coreBooking,
    citizens: models.citizens,
    idempotency,
    catalog,
    reminders,
    clock,
  });
  const complaints = createComplaintsService({
    core: createCoreComplaintsClient(deps.core, complaintRefusal),
    citizens: models.citizens,
    photos: models.complaintPhotos,
    outbox,
    limiter,
    idempotency,
    catalog,
    clock,
    dailyLimit: config.COMPLAINT_DAILY_LIMIT,
  });
  deliverers[COMPLAINT_KIND] = (payload, requestId) => complaints.deliver(payload as ComplaintPayload, requestId);
  const coreCases = createCoreCasesClient(deps.core, caseRefusal);
  // 补正 online (issue 12): files kept until the core has them, the submission through the outbox
  const corrections = createCorrectionsService({
    cases: coreCases,
    core: createCoreCorrectionsClient(deps.core, caseRefusal),
    citizens: models.citizens,
    files: models.correctionFiles,
    lists,
    snapshots: models.correctionSnapshots,
    outbox,
    idempotency,
    clock,
  });
  deliverers[CORRECTION_KIND] = (payload, requestId) => corrections.deliver(payload as CorrectionPayload, requestId);
  const cases = createCasesService({ core: coreCases, citizens: models.citizens, idempotency, limiter, clock, corrections });
  const ratings = createRatingsService({ core: coreCases, citizens: models.citizens, idempotency, outbox, clock });
  // a rating waits in the outbox while the provincial 好差评 relay is down; the entry id is the request id, so a retry is the same rating
  deliverers[RATING_KIND] = (payload, requestId) => ratings.deliverRating(payload as RatingPayload, requestId);
  deliverers[FOLLOW_UP_KIND] = (payload, requestId) => ratings.deliverFollowUp(payload as RatingPayload, requestId);
  // 缴费 (WeChat Pay v3): routes answer PAYMENTS_UNAVAILABLE until the WXPAY_* keys are configured
  const payments = createPaymentsFeature({
    config,
    db,
    core: deps.core,
    citizens: models.citizens,
    claims,
    lists,
    outbox,
    idempotency,
    clock,
    log: deps.log,
    owner: instanceId,
  });
  Object.assign(deliverers, payments.deliverers);
  const jobs: PeriodicJob[] = [
    ...payments.jobs,
    ...messages.jobs,
    { name: 'booking-reminders', everyMs: 30_000, run: () => reminders.sendDue() },
    { name: 'outbox-relay', everyMs: 5_000, run: () => outbox.relay() },
    // on every server, whatever it says about TTL indexes (db/expiry.ts)
    expirySweepJob(db),
  ];

  const table = createRouteTable();
  healthRoutes(table, { db, core: deps.core });
  authRoutes(table, auth);
  meRoutes(table, me);
  catalogRoutes(table, catalog);
  searchRoutes(table, { catalog });
  appointmentRoutes(table, appointments);
  paymentRoutes(table, payments.service, payments.notify);
  complaintRoutes(table, complaints);
  caseRoutes(table, cases);
  correctionRoutes(table, corrections);
  ratingRoutes(table, ratings);
  messageRoutes(table, messages.service);
  if (config.DEV_LOGIN) devRoutes(table, deps.wechat);

  const openapi = buildOpenApi(table.routes, { version: API_VERSION });
  const router = mountRoutes(table, { authenticate: auth.authenticate, checkResponses: config.CHECK_RESPONSES ?? config.NODE_ENV !== 'production' });
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = openapi;
  });

  // the client's address (sign-in and lookup limits): the connection's, or what our own proxies put in X-Forwarded-For
  const app = new Koa({ proxy: config.TRUST_PROXY_HOPS > 0, maxIpsCount: config.TRUST_PROXY_HOPS });
  app.silent = true; // errors are rendered and logged by requestContext
  app.use(requestContext(deps.log));
  app.use(securityHeaders());
  app.use(notifyFailures()); // WeChat Pay reads { code: 'FAIL', message } on its notify path, not our error shape
  // JSON with its small limit, except for routes that declare a raw body (photo and 补正 file uploads)
  app.use(requestBodies(table, router, config.BODY_LIMIT_BYTES));
  app.use(router.routes());
  app.use(
    router.allowedMethods({
      throw: true,
      methodNotAllowed: () => new AppError('METHOD_NOT_ALLOWED'),
      notImplemented: () => new AppError('METHOD_NOT_ALLOWED'),
    }),
  );
  // last: the H5 build answers only what no route did (so /healthz and /readyz stay JSON)
  if (config.H5_DIST) app.use(serveH5(config.H5_DIST));
  return {
    app,
    models: { ...models, ...payments.models, ...messages.models },
    payments,
    messages,
    openapi,
    jobs,
    instanceId,
    claims,
    outbox,
    deliverers,
    services: { auth, me, catalog, appointments, complaints, reminders, cases, ratings, corrections, messages: messages.service },
  };
}

import type { Connection } from 'mongoose';
import type { SubscriptionTemplateKey } from '@jsb/shared';
import type { Config } from '../../config';
import type { Claims } from '../../db/claims';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Lists } from '../../db/lists';
import type { CoreClient } from '../../clients/core.client';
import { createCoreEventsClient } from '../../clients/core-events.client';
import type { WechatClient } from '../../clients/wechat.client';
import type { PeriodicJob } from '../../jobs/runner';
import type { Logger } from '../../log';
import type { CitizenModel } from '../auth/citizen.model';
import { coreEventModel, eventCursorModel } from '../events/event.model';
import { createEventFeed } from '../events/feed';
import { consentModel } from './consent.model';
import { createConsents } from './consents';
import { createInbox } from './inbox';
import { messageModel } from './message.model';
import { createMessagesService } from './messages.service';
import { createPushSender } from './push';
import { pushModel } from './push.model';

export function templateIdsOf(config: Config): Record<SubscriptionTemplateKey, string> {
  return {
    bookingReminder: config.WECHAT_TPL_BOOKING_REMINDER,
    caseStatus: config.WECHAT_TPL_CASE_STATUS,
    caseCorrection: config.WECHAT_TPL_CASE_CORRECTION,
    complaintReply: config.WECHAT_TPL_COMPLAINT_REPLY,
    ratingLoop: config.WECHAT_TPL_RATING_LOOP,
    refund: config.WECHAT_TPL_REFUND,
  };
}

/**
 * The "needs you" loop (issue 12), wired in one place so app.ts only adds a few lines: the core's event feed read into
 * 消息, the WeChat subscription messages sent from it with the citizen's one-time consents, and both periodic jobs
 * (each round on one instance; every step also safe when rounds overlap).
 */
export function createMessagesFeature(d: {
  config: Config;
  db: Connection;
  core: CoreClient;
  wechat: WechatClient;
  citizens: CitizenModel;
  claims: Claims;
  lists: Lists;
  idempotency: IdempotencyStore;
  clock: () => Date;
  log: Logger;
  owner: string;
  /** real time for signature windows and the feed's hole grace (tests never need to move it) */
  wireNow?: () => number;
}) {
  const models = {
    coreEvents: coreEventModel(d.db),
    eventCursors: eventCursorModel(d.db),
    messages: messageModel(d.db),
    pushes: pushModel(d.db),
    consents: consentModel(d.db),
  };
  const templateIds = templateIdsOf(d.config);
  const consents = createConsents({ model: models.consents, clock: d.clock });
  const apply = createInbox({
    citizens: d.citizens,
    messages: models.messages,
    lists: d.lists,
    pushes: models.pushes,
    templateIds,
    clock: d.clock,
    log: d.log,
  });
  const feed = createEventFeed({
    client: createCoreEventsClient(d.core, { secret: d.config.CORE_EVENTS_SECRET ?? d.config.CORE_HMAC_SECRET, wireNow: d.wireNow }),
    events: models.coreEvents,
    cursors: models.eventCursors,
    apply,
    clock: d.clock,
    wireNow: d.wireNow,
    log: d.log,
    holeGraceMs: d.config.EVENT_HOLE_GRACE_MS,
  });
  const sendPushes = createPushSender({ pushes: models.pushes, consents, wechat: d.wechat, claims: d.claims, owner: d.owner, clock: d.clock, log: d.log });
  const service = createMessagesService({
    messages: models.messages,
    lists: d.lists,
    pushes: models.pushes,
    consents,
    templateIds,
    idempotency: d.idempotency,
    clock: d.clock,
  });
  // a round's figures are logged only when it did something (the runner logs what a round returns)
  const jobs: PeriodicJob[] = [
    {
      name: 'core-events',
      everyMs: d.config.EVENTS_PULL_MS,
      run: async () => {
        const r = await feed.pull();
        return r.received > 0 || r.refused || r.unavailable ? r : undefined;
      },
    },
    {
      name: 'subscription-messages',
      everyMs: d.config.PUSH_SEND_MS,
      run: async () => {
        const r = await sendPushes();
        return Object.values(r).some((n) => n > 0) ? r : undefined;
      },
    },
  ];
  return { models, service, feed, sendPushes, consents, templateIds, jobs };
}

export type MessagesFeature = ReturnType<typeof createMessagesFeature>;

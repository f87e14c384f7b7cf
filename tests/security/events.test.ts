/**
 * The core's event feed (issue 12) as an attacker between the core and the bff would use it: a forged page, a genuine
 * page replayed, a page signed long ago, a core without the key. Each is refused whole and changes nothing: no event
 * recorded, no 消息, no subscription message, the cursor where it was. The next genuine page is read as if nothing
 * happened.
 */
import type { MessageList } from '@jsb/shared';
import { call } from '../support/http';
import { citizenWithPerson, openCase, type Citizen } from '../support/cases';
import { syncEvents } from '../support/events';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(60_000);

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'sec-events' });
  s.clock.freeze();
});
afterAll(() => s?.close());

const tamper = (kind: 'forge' | 'replay' | 'stale') => call(s.coreUrl, 'POST', '/__mock/events/faults', { body: { tamper: kind } });
const messages = async (c: Citizen) => (await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: c.accessToken })).body.messages;
async function snapshot() {
  return {
    events: await s.db.collection('core_events').countDocuments(),
    messages: await s.db.collection('messages').countDocuments(),
    pushes: await s.db.collection('push_messages').countDocuments(),
    cursor: await s.db.collection('event_cursors').findOne({ _id: 'core' as never }),
  };
}

describe('pages of the core event feed that are not the core’s answer to this request', () => {
  it.each([
    ['forge', 'forged', 'signed with a key that is not the core’s, carrying a made-up decision'],
    ['replay', 'replayed', 'a genuine earlier page, answering an earlier challenge'],
    ['stale', 'stale', 'signed ten minutes ago'],
  ] as const)('refuses a %s page (%s: %s) and changes nothing; the next genuine page is read', async (kind, reason, _what) => {
    const c = await citizenWithPerson(s);
    await openCase(s, c.personId);
    await syncEvents(s.bff); // a genuine page first (what a replay would send again)
    const { caseNo } = await openCase(s, c.personId); // news waiting in the feed
    const before = await snapshot();
    const logsBefore = s.logs.length;
    await tamper(kind);
    const r = await s.bff.messages.feed.pull();
    expect(r).toMatchObject({ refused: reason, recorded: 0, applied: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await messages(c)).map((m) => m.link.id)).not.toContain(caseNo);
    expect((await messages(c)).some((m) => m.body.includes('伪造'))).toBe(false);
    expect(s.logs.slice(logsBefore).some((l) => l.includes(`"reason":"${reason}"`) && l.includes('refused a page'))).toBe(true);

    await syncEvents(s.bff);
    expect((await messages(c)).map((m) => m.link.id)).toContain(caseNo);
  });

  it('refuses every page when the core does not hold our key (an impostor core), and the feed answers only signed readers', async () => {
    const c = await citizenWithPerson(s);
    await openCase(s, c.personId);
    const impostor = await s.addInstance({ CORE_EVENTS_SECRET: 'a-key-the-real-core-does-not-have-0123' });
    const before = await snapshot();
    expect(await impostor.messages.feed.pull()).toMatchObject({ refused: 'forged', recorded: 0 });
    expect(await snapshot()).toEqual(before);
    await impostor.close();
    // nobody reads the feed without the bff's request signature
    const unsigned = await call(s.coreUrl, 'GET', '/core/v1/events?after=0&challenge=aaaaaaaaaaaaaaaaaaaa');
    expect(unsigned.status).toBe(401);
  });
});

import mongoose from 'mongoose';
import { isDatabaseUnavailable } from './unavailable';

const { MongoNetworkError, MongoServerError, MongoServerSelectionError } = mongoose.mongo;

const serverError = (code: number, errmsg: string) => new MongoServerError({ ok: 0, code, errmsg });

describe('isDatabaseUnavailable: which database failures are answered 503 (recovering) rather than 500', () => {
  it('counts the driver reporting the server gone or unreachable', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection 6 to 127.0.0.1:43095 closed'))).toBe(true);
    expect(isDatabaseUnavailable(new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:43095', { servers: new Map(), type: 'Unknown' } as never))).toBe(
      true,
    );
  });

  it('counts a command cut short because FerretDB is stopping (InternalError ending in "context canceled")', () => {
    // the text FerretDB v1.24.2 answered for an insert running while it was told to stop
    const e = serverError(1, '[msg_insert.go:168 handler.(*Handler).MsgInsert] [db.go:134 fsql.(*DB).InTransaction] context canceled');
    expect(isDatabaseUnavailable(e)).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: e }))).toBe(true);
  });

  it('counts a command written to a connection the server had just closed (the raw socket error the driver lets through)', () => {
    // what the driver rejected with when mongo-java-server closed its connections at shutdown
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    expect(isDatabaseUnavailable(epipe)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    // an upstream's socket error arrives wrapped (UpstreamError, fetch's TypeError): not the database's
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: epipe }))).toBe(false);
  });

  it("counts mongod's shutdown and failover codes", () => {
    expect(isDatabaseUnavailable(serverError(11600, 'interrupted at shutdown'))).toBe(true);
    expect(isDatabaseUnavailable(serverError(91, 'The server is in quiesce mode and will shut down'))).toBe(true);
  });

  it('does not hide real faults: other server errors and ordinary errors stay 500s', () => {
    expect(isDatabaseUnavailable(serverError(1, '[msg_find.go:12] invalid sort key'))).toBe(false);
    expect(isDatabaseUnavailable(serverError(2, 'BadValue: context canceled'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

import type { Context } from 'koa';

export interface AuthContext {
  userId: string;
  sessionId: string;
}

/** Verifies the bearer token and the session behind it; throws an AppError when the caller is not signed in. */
export type Authenticator = (ctx: Context) => Promise<AuthContext>;

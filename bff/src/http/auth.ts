export interface AuthContext {
  userId: string;
  sessionId: string;
}

/** Verifies the bearer token of an Authorization header and the session behind it; throws an AppError when the caller is not signed in. */
export type Authenticator = (authorizationHeader: string) => Promise<AuthContext>;

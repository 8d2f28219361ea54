// The partner app's own sessions (its users' browser sessions, not Tongban's): random ids in an
// HttpOnly cookie, kept in memory — a demo; a real app keeps them in its store.
import { randomBytes } from 'node:crypto';

export interface PendingLogin {
  state: string;
  codeVerifier: string;
}

export interface PartnerSession {
  id: string;
  csrf: string;
  login?: PendingLogin;
  /** Set once Tongban signed the resident in. */
  resident?: {
    sub: string;
    name: string | null;
    accessToken: string;
    accessTokenExpiresAt: number;
    refreshToken: string | undefined;
    scopes: string[];
  };
  flash?: string;
}

export const SESSION_COOKIE = 'lh_session';

export class SessionStore {
  private readonly sessions = new Map<string, PartnerSession>();

  get(id: string | undefined): PartnerSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  create(): PartnerSession {
    const session = {
      id: randomBytes(32).toString('base64url'),
      csrf: randomBytes(24).toString('base64url'),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }
}

// Who is signed in. Loaded once from GET /api/v1/me; sign-in, registration and
// sign-out replace it. The CSRF token travels with it into the API client.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setCsrfToken, setSignedOutHandler } from '../api/client.ts';
import * as endpoints from '../api/endpoints.ts';
import type { Me, RegistrationInput } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; loadError: ApiError | null; reason: SignedOutReason }
  | { status: 'signedIn'; me: Me };

/** Why nobody is signed in: pages that need a session redirect accordingly. */
export type SignedOutReason = 'signedOut' | 'sessionRevoked' | null;

export interface Session {
  state: SessionState;
  signIn(username: string, password: string): Promise<Me>;
  register(input: RegistrationInput): Promise<Me>;
  signOut(): Promise<void>;
  /** Forgets the session locally, e.g. after the current session was revoked. */
  forget(reason: SignedOutReason): void;
  reload(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { i18n } = useTranslation();

  const acceptMe = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signedIn', me });
    return me;
  }, []);

  const forget = useCallback((reason: SignedOutReason) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', loadError: null, reason });
  }, []);

  const reload = useCallback(async () => {
    try {
      acceptMe(await endpoints.getMe());
    } catch (error) {
      setCsrfToken(null);
      const isSignedOut = error instanceof ApiError && error.status === 401;
      setState({
        status: 'anonymous',
        loadError: !isSignedOut && error instanceof ApiError ? error : null,
        reason: null,
      });
    }
  }, [acceptMe]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // A session that ended on the server (expired, revoked on another device) ends here too.
  useEffect(() => {
    setSignedOutHandler(() => {
      setCsrfToken(null);
      setState((current) =>
        current.status === 'signedIn' ? { status: 'anonymous', loadError: null, reason: null } : current,
      );
    });
    return () => setSignedOutHandler(null);
  }, []);

  // Names in /me may come localised by the server: ask again in the new language.
  const isSignedIn = state.status === 'signedIn';
  useEffect(() => {
    if (!isSignedIn) return;
    const onLanguageChanged = () => {
      // A failure here is harmless: the names already shown stay.
      void endpoints.getMe().then(acceptMe, () => undefined);
    };
    i18n.on('languageChanged', onLanguageChanged);
    return () => i18n.off('languageChanged', onLanguageChanged);
  }, [i18n, acceptMe, isSignedIn]);

  const session = useMemo<Session>(
    () => ({
      state,
      signIn: async (username, password) => acceptMe(await endpoints.login(username, password)),
      register: async (input) => acceptMe(await endpoints.register(input)),
      signOut: async () => {
        try {
          await endpoints.logout();
        } catch (error) {
          // Already signed out on the server: nothing left to undo.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        forget('signedOut');
      },
      forget,
      reload,
    }),
    [state, acceptMe, forget, reload],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}

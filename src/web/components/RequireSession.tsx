import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Me } from '../api/types.ts';
import { useSession } from '../session/session-context.tsx';
import { LoadingStatus } from './LoadingStatus.tsx';

/** Renders its children for a signed-in user; sends everyone else to the sign-in page. */
export function RequireSession({ children }: { children: (me: Me) => ReactNode }) {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <LoadingStatus />;
  if (state.status === 'anonymous') {
    // Signing out from the header navigates home itself; render nothing meanwhile.
    if (state.reason === 'signedOut') return null;
    if (state.reason === 'sessionRevoked') {
      return <Navigate to="/login" replace state={{ notice: 'sessionRevoked' }} />;
    }
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children(state.me)}</>;
}

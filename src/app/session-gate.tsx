import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { apiClient, clearSession, endpoints, isApiError, queryKeys, sessionStore, type User } from '../api';
import { ErrorState } from '../components/error-state';
import { Loading } from '../components/states';
import { SignIn } from './sign-in';

/** Shows the app only to a signed-in admin: sign-in, "session expired" and "admins only" otherwise. */
export function SessionGate({ children }: { children: (admin: User) => ReactNode }) {
  const token = useStore(sessionStore, (s) => s.token);
  const session = useQuery({
    queryKey: [...queryKeys.session(), token],
    queryFn: ({ signal }) => apiClient.get(endpoints.session(), signal),
    enabled: Boolean(token),
    staleTime: 5 * 60_000,
    retry: (count, error) => isApiError(error) && error.retryable && count < 2,
  });

  if (!token) return <SignIn />;
  if (session.isPending) return <div className="gate"><Loading label="Checking your admin session" /></div>;
  if (session.isError) {
    const error = session.error;
    if (isApiError(error) && error.code === 'unauthorized') return <SignIn expired message={error.message} />;
    if (isApiError(error) && error.code === 'forbidden') {
      return (
        <div className="gate">
          <div className="gate-card">
            <h1>Admins only</h1>
            <p>{error.message}</p>
            <p className="muted">This panel shows customers' Gastown data and is limited to Kilo admins (is_admin). No data was loaded.</p>
            <button type="button" className="button" onClick={() => clearSession()}>
              Use another account
            </button>
          </div>
        </div>
      );
    }
    return (
      <div className="gate">
        <ErrorState error={error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  return <>{children(session.data.user)}</>;
}

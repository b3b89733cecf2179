import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { LoadingState } from '../../shared/components/LoadingState';
import { ErrorState } from '../../shared/components/ErrorState';
import { useMe } from '../hooks/useMe';

type Props = { children: ReactNode };

/** Sends a visitor who is not signed in to the sign-in page (the server refuses their requests anyway). */
export function RequireSignIn({ children }: Props) {
  const { me, loading, error, refetch } = useMe();
  const location = useLocation();
  if (loading) return <LoadingState label="Checking who you are…" />;
  if (error) return <ErrorState title="Could not reach the server." error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

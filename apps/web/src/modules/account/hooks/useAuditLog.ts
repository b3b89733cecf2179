import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { AuditLogDocument } from '../graphql/account.graphql';
import { AUDIT_PAGE_SIZE, type AuditFilter, auditFilterInput } from '../utils/audit-filter';

/** One page of the organization's audit log, newest first, with the filter the page shows. */
export function useAuditLog(organizationId: string) {
  const [filter, setFilterState] = useState<AuditFilter>({ actions: [], from: '', to: '' });
  const [page, setPage] = useState(0);
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, {
    variables: { organizationId, filter: auditFilterInput(filter), first: AUDIT_PAGE_SIZE, offset: page * AUDIT_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const totalCount = shown?.auditLog.totalCount ?? 0;
  return {
    entries: shown?.auditLog.entries ?? [],
    totalCount,
    loading: loading && !shown,
    error,
    refetch,
    filter,
    setFilter: (next: AuditFilter) => {
      setFilterState(next);
      setPage(0);
    },
    page,
    pageCount: Math.max(1, Math.ceil(totalCount / AUDIT_PAGE_SIZE)),
    setPage,
  };
}

import { useOutletContext } from 'react-router-dom';
import type { OrgContext } from './useOrgContext';

/** For pages under OrgLayout: the organization and snapshot it resolved. */
export function useOrg(): OrgContext {
  return useOutletContext<OrgContext>();
}

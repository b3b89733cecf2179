import { DictionaryView } from '../modules/dictionary/components/DictionaryView';
import { useOrg } from '../modules/organizations/hooks/useOrg';

export function DictionaryPage() {
  const { orgId } = useOrg();
  return <DictionaryView key={orgId} organizationId={orgId} />;
}

import type { OrganizationRole } from '../../../gql/graphql';

export const ROLE_OPTIONS: { role: OrganizationRole; label: string; hint: string }[] = [
  { role: 'HR_ADMIN' as OrganizationRole, label: 'HR admin', hint: 'everything in the organization' },
  { role: 'LEADER' as OrganizationRole, label: 'Leader', hint: 'their own subtree' },
  { role: 'EMPLOYEE' as OrganizationRole, label: 'Employee', hint: 'their own role' },
  { role: 'VIEWER' as OrganizationRole, label: 'Viewer', hint: 'the chart, without ratings or findings' },
];

/** Leaders and employees are someone in the chart: their HRIS employee id says who. */
export const needsPerson = (role: OrganizationRole): boolean => role === 'LEADER' || role === 'EMPLOYEE';

export const roleLabel = (role: OrganizationRole): string => ROLE_OPTIONS.find((option) => option.role === role)?.label ?? role;

export { AUDIT_ACTIONS, type AuditAction, isAuditAction } from '@rolemap/domain';

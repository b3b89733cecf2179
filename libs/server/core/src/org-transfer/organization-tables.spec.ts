import { planTables } from './organization-tables';

const column = (table_name: string, column_name: string, extra: { generated?: string; identity?: string } = {}) => ({
  table_name,
  column_name,
  column_type: column_name.endsWith('id') ? 'uuid' : 'text',
  identity: extra.identity ?? '',
  generated: extra.generated ?? '',
});

describe('planTables: which tables belong to an organization, in insertion order', () => {
  const columns = [
    column('organization', 'id'),
    column('organization', 'name'),
    column('org_snapshot', 'id'),
    column('org_snapshot', 'organization_id'),
    column('position', 'id'),
    column('position', 'snapshot_id'),
    column('survey_campaign', 'id'),
    column('survey_campaign', 'organization_id'),
    column('survey_answer', 'id'),
    column('survey_answer', 'campaign_id'),
    column('survey_answer', 'answer_text'),
    column('survey_answer', 'search', { generated: 's' }),
    column('memberships', 'id'),
    column('memberships', 'organization_id'),
    column('memberships', 'account_id'),
    column('accounts', 'id'),
    column('sessions', 'id'),
    column('sessions', 'account_id'),
    column('unrelated_lookup', 'code'),
  ];
  const keys = [
    { table_name: 'organization', columns: ['id'] },
    { table_name: 'survey_answer', columns: ['id'] },
  ];
  const foreignKeys = [
    { table_name: 'org_snapshot', columns: ['organization_id'], referenced_table: 'organization', referenced_columns: ['id'] },
    { table_name: 'survey_answer', columns: ['campaign_id'], referenced_table: 'survey_campaign', referenced_columns: ['id'] },
    { table_name: 'survey_campaign', columns: ['organization_id'], referenced_table: 'organization', referenced_columns: ['id'] },
    { table_name: 'memberships', columns: ['account_id'], referenced_table: 'accounts', referenced_columns: ['id'] },
    { table_name: 'sessions', columns: ['account_id'], referenced_table: 'accounts', referenced_columns: ['id'] },
  ];
  const plan = planTables(columns, keys, foreignKeys);
  const byName = new Map(plan.map((table) => [table.name, table]));

  it('takes tables with organization_id or snapshot_id, and tables reached through a foreign key', () => {
    expect([...byName.keys()].sort()).toEqual([
      'memberships',
      'org_snapshot',
      'organization',
      'position',
      'survey_answer',
      'survey_campaign',
    ]);
    expect(byName.get('organization')?.belongsTo).toBe('id = $1');
    expect(byName.get('position')?.belongsTo).toBe('snapshot_id IN (SELECT id FROM org_snapshot WHERE organization_id = $1)');
    expect(byName.get('survey_answer')?.belongsTo).toBe(
      '("campaign_id") IN (SELECT "id" FROM "survey_campaign" WHERE organization_id = $1)',
    );
  });

  it('leaves out installation tables (accounts, credentials) and tables that belong to nobody', () => {
    expect(byName.has('accounts')).toBe(false);
    expect(byName.has('sessions')).toBe(false);
    expect(byName.has('unrelated_lookup')).toBe(false);
  });

  it('orders parents before the tables whose foreign keys point at them', () => {
    const order = plan.map((table) => table.name);
    expect(order.indexOf('organization')).toBeLessThan(order.indexOf('org_snapshot'));
    expect(order.indexOf('organization')).toBeLessThan(order.indexOf('survey_campaign'));
    expect(order.indexOf('survey_campaign')).toBeLessThan(order.indexOf('survey_answer'));
  });

  it('skips generated columns, marks account references, and falls back to every column without a primary key', () => {
    expect(byName.get('survey_answer')?.columns.map((c) => c.name)).toEqual(['id', 'campaign_id', 'answer_text']);
    expect(byName.get('memberships')?.accountColumns).toEqual(['account_id']);
    expect(byName.get('position')?.primaryKey).toEqual(['id', 'snapshot_id']);
  });
});

import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationRole } from '@rolemap/domain';
import { AccountsService, LOCAL_OPERATOR, latestSnapshot } from '@rolemap/server-core';
import { DataSource } from 'typeorm';

export interface DemoUser {
  role: OrganizationRole;
  email: string;
  displayName: string;
  /** Random, shown once when the demo is seeded; only its argon2 hash is kept. */
  password: string;
  /** Who they are in the demo chart (leaders and employees). */
  personName: string | null;
}

/**
 * One account per role in the demo organization, so each role can be tried at once: the HR admin,
 * a leader with a team of teams, one of the people in that leader's subtree, and a viewer.
 */
@Injectable()
export class DemoAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  /** Creates the demo users once; null when they exist already. */
  async createDemoUsers(organizationId: string, domain = 'northwind.demo'): Promise<DemoUser[] | null> {
    if (await this.accounts.byEmail(`hr@${domain}`)) return null;
    const snapshot = await latestSnapshot(this.dataSource.manager, organizationId);
    if (!snapshot) return null;
    // The leader: the one below the top with the largest subtree; the employee: someone in it without reports.
    const [leader] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT p.id, p.id AS top FROM position p WHERE p.snapshot_id = $1 AND p.depth = 1
         UNION ALL
         SELECT c.id, tree.top FROM position c JOIN tree ON c.reports_to_id = tree.id WHERE c.snapshot_id = $1
       )
       SELECT pe.employee_id, pe.name, t.top AS position_id FROM tree t
       JOIN assignment a ON a.position_id = t.top JOIN person pe ON pe.id = a.person_id
       GROUP BY t.top, pe.employee_id, pe.name ORDER BY count(*) DESC, pe.employee_id LIMIT 1`,
      [snapshot.id],
    );
    const [employee] = leader
      ? await this.dataSource.query(
          `WITH RECURSIVE tree AS (
             SELECT id FROM position WHERE id = $2
             UNION ALL
             SELECT c.id FROM position c JOIN tree ON c.reports_to_id = tree.id WHERE c.snapshot_id = $1
           )
           SELECT pe.employee_id, pe.name FROM tree t JOIN assignment a ON a.position_id = t.id JOIN person pe ON pe.id = a.person_id
           WHERE NOT EXISTS (SELECT 1 FROM position r WHERE r.reports_to_id = t.id) ORDER BY pe.employee_id LIMIT 1`,
          [snapshot.id, leader.position_id],
        )
      : [];
    const people: { role: OrganizationRole; local: string; title: string; person?: { employee_id: string; name: string } }[] = [
      { role: 'HR_ADMIN', local: 'hr', title: 'HR admin' },
      { role: 'LEADER', local: 'leader', title: 'Leader', person: leader },
      { role: 'EMPLOYEE', local: 'employee', title: 'Employee', person: employee },
      { role: 'VIEWER', local: 'viewer', title: 'Viewer' },
    ];
    const users: DemoUser[] = [];
    for (const { role, local, title, person } of people) {
      if ((role === 'LEADER' || role === 'EMPLOYEE') && !person) continue;
      const password = randomBytes(12).toString('base64url');
      const displayName = person ? `${person.name} (demo ${title.toLowerCase()})` : `Demo ${title}`;
      const account = await this.accounts.create(LOCAL_OPERATOR, { email: `${local}@${domain}`, displayName, password });
      await this.accounts.grant(LOCAL_OPERATOR, account.id, organizationId, role, person?.employee_id ?? null);
      users.push({ role, email: account.email, displayName, password, personName: person?.name ?? null });
    }
    return users;
  }
}

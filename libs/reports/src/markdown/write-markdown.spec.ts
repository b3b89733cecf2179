import { DEMO_CAST } from '@rolemap/demo-data';
import { buildDelegationReview } from '../model/build-delegation-review';
import { buildOrganizationSummary } from '../model/build-organization-summary';
import { buildRoleDefinitions } from '../model/build-role-definitions';
import type { Report } from '../model/report-types';
import { awkwardInputs, collect, demoInputs, sparseInputs } from '../testing/report-fixtures';
import { md, writeMarkdown } from './write-markdown';

async function markdownOf(report: Report): Promise<string> {
  const { out, done } = collect();
  await writeMarkdown(report, out);
  return (await done).toString('utf8');
}

describe('writeMarkdown', () => {
  const demo = demoInputs();

  it('writes a role with its mix table, responsibilities, delegations, advice and findings', async () => {
    const report = buildRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, {
      employeeId: DEMO_CAST.promotedDirector,
    });
    const text = await markdownOf(report);
    expect(text.startsWith('# Role definitions: Northwind Robotics\n\nSnapshot 3, as of 2026-11-01.')).toBe(true);
    expect(text).toContain('## Director of Engineering, Platform: Maya Lindqvist');
    expect(text).toContain(
      '**Reporting line:** Jonas Eriksen (Chief Technology Officer) → Helena Marsh (Chief Executive Officer)',
    );
    expect(text).toContain(
      [
        '| Level | Expected | Actual | Gap |',
        '| --- | ---: | ---: | ---: |',
        '| Leadership | 30% | 15% | −15 pts |',
        '| Communication | 30% | 15% | −15 pts |',
        '| Unification | 30% | 25% | −5 pts |',
        '| Implementation | 10% | 45% | +35 pts |',
      ].join('\n'),
    );
    expect(text).toContain('### Purpose (draft)\n\nA director role in Engineering, reporting to the Chief Technology Officer');
    expect(text).toContain(
      '_Draft from the tier, the policy and the main accountabilities; HR has not written this purpose yet._',
    );
    expect(text).toContain(
      '| **Implementation** 45% (10% expected) | Review pull requests for the fleet API (carried over) | 20% |',
    );
    expect(text).toContain('| Leadership | Decides | the direction and strategy of its area, and who leads in it | 30% |');
    expect(text).toMatch(/\*\*Span:\*\* \d+ direct, \d+ in all/);
    expect(text).toContain(
      '| Review pull requests for the fleet API | 20% | Carlos Ramos (Senior Software Engineer); Carlos Ramos hands “Fix bugs in the order-picking workflow” (30%) to Mei Wong (Software Engineer) | Open |',
    );
    expect(text).toContain('- Take on about 15% more leadership work: direction, strategy, developing leaders');
    expect(text).toMatch(/- \*\*Promoted, still tactical\*\* \(High, 0\.94; Open\): Maya Lindqvist was promoted/);
  });

  it('escapes text from the HR files so tables stay tables', async () => {
    const inputs = awkwardInputs();
    const report = buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, inputs.options, { employeeId: 'M1' });
    const text = await markdownOf(report);
    expect(text).toContain('| Own the \\*core\\* API \\| v2 | 30% |');
    expect(md('Review "big" deals, weekly\nand report')).toBe('Review "big" deals, weekly<br>and report');
  });

  it('writes a delegation review and the organization summary', async () => {
    const review = await markdownOf(
      buildDelegationReview(demo.snapshot, demo.analysis, demo.policy, demo.options, DEMO_CAST.vpSales),
    );
    expect(review).toContain(
      '| Greg Whitfield (VP Sales) | Prepare the weekly pipeline spreadsheet | 15% | Aisha Karimi (Sales Operations Manager) | Open |',
    );
    const summary = buildOrganizationSummary(demo.snapshot, demo.analysis, demo.policy, demo.options);
    const text = await markdownOf(summary);
    expect(text).toContain(`| Delegation gap | ${demo.analysis.summary.byKind.DELEGATION_GAP} |`);
    expect(text).toContain('Positions with responsibilities recorded: 150 of 150 (100%).');
    expect(text).toContain('## Appendix: what severity means and how it is computed');
    expect(text).toMatch(/\| High \| 0\.70 and above \| act on it this review cycle/);
    expect(text).toContain('| 2–5 | 35 | yes |');
    expect(text).toContain('## Top risks');
  });

  it('does not print a mix or gaps for a role without data, says what was not checked, and shows chains', async () => {
    const sparse = sparseInputs();
    const text = await markdownOf(
      buildRoleDefinitions(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, { all: true }),
    );
    const manager = text.slice(text.indexOf('## Operations Manager: Mo Manager'), text.indexOf('## Technician: Alex Tech'));
    expect(manager).toContain(
      'Not assessed: no responsibilities are recorded for this role, so there is no mix to compare and no gap to show.',
    );
    expect(manager).not.toContain('| Level | Expected | Actual | Gap |');
    expect(manager).not.toContain('### What to delegate');
    expect(manager).toContain('Not checked for lack of data:\n\n- Delegation gap: no responsibilities recorded');
    expect(text).toContain(
      '| Calibrate the gripper sensors | 20% | Alex Tech (Technician); Alex Tech hands “Log daily checks” (20%) to Sam Tech (Technician) | Open |',
    );
    expect(text).toContain(
      '| Fix broken robots | 20% | none yet: best fit Sam Tech (Technician), but nobody has the time (hire or re-scope) | Open |',
    );
    expect(text.indexOf('## Appendix: what severity means')).toBeGreaterThan(text.lastIndexOf('## Technician'));
  });
});

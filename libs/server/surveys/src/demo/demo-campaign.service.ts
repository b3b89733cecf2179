import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEMO_DICTIONARY_ADDITIONS } from '@rolemap/demo-data';
import { type Caller, DictionaryService, latestSnapshot, loadSnapshotData } from '@rolemap/server-core';
import type { SurveyAnswers, SurveyLine } from '@rolemap/surveys';
import { DataSource } from 'typeorm';
import type { ClosingResult } from '../campaign-types';
import { CampaignsService } from '../campaigns.service';
import { SURVEY_DICTIONARY, type SurveyDictionary } from '../survey-dictionary';
import { SurveyFormsService } from '../survey-forms.service';
import { type WorkOnRecord, answersFromWork } from './prefill-answers';

/** The demo's one closed campaign: a department surveyed, individual contributors reviewed by their managers. */
export const DEMO_CAMPAIGN = {
  name: 'Operations time-allocation survey',
  department: 'Operations',
  /** Every `NON_RESPONDENT_EVERY`-th individual contributor (in employee-id order) never answers. */
  nonRespondentEvery: 5,
  /** Points a reviewing manager moves onto hands-on work, for every second report they review. */
  managerShiftPct: 10,
  weeklyHours: 40,
} as const;

const DAY_MS = 86_400_000;

export interface DemoCampaignResult extends ClosingResult {
  /** Participants whose own form was submitted, and reports whose manager reviewed (and for half, adjusted) it. */
  submitted: number;
  reviewed: number;
  adjusted: number;
}

/**
 * Runs the demo's survey from start to close through the same services HR and the participants
 * use (create, personal links, forms, close), so the demo ships a closed campaign with real
 * progress, manager adjustments, non-respondents carried over, and a snapshot to analyse.
 * Each participant reports the work the demo gave them, in the dictionary's words where an
 * activity fits (see answersFromWork).
 */
@Injectable()
export class DemoCampaignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly forms: SurveyFormsService,
    private readonly dictionaries: DictionaryService,
    @Inject(SURVEY_DICTIONARY) private readonly dictionary: SurveyDictionary,
  ) {}

  /** Null when the organization already has a campaign (a re-seed adds nothing) or no department to survey. */
  async seedClosedCampaign(caller: Caller, organizationId: string, now = new Date()): Promise<DemoCampaignResult | null> {
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM survey_campaign WHERE organization_id = $1',
      [organizationId],
    );
    if (count > 0) return null;
    const base = await latestSnapshot(this.dataSource.manager, organizationId);
    if (!base) return null;
    const data = await loadSnapshotData(this.dataSource, base);
    if (!data.positions.some((position) => position.department === DEMO_CAMPAIGN.department)) return null;

    await this.extendDictionary(caller, organizationId);
    // Opened two weeks ago, due in a week; HR closes it today, once everyone who will answer has.
    const campaign = await this.campaigns.create(
      caller,
      {
        organizationId,
        name: DEMO_CAMPAIGN.name,
        baseSnapshotId: base.id,
        scope: { kind: 'DEPARTMENT', value: DEMO_CAMPAIGN.department },
        defaultMode: 'SELF',
        modeRules: [{ department: null, tier: 'IC', mode: 'BOTH' }],
        opensAt: new Date(now.getTime() - 14 * DAY_MS),
        closesAt: new Date(now.getTime() + 7 * DAY_MS),
      },
      now,
    );
    const activities = (await this.dictionary.version(organizationId, campaign.dictionaryVersionId)).activities;
    const workOf = workByEmployee(data);
    const answersOf = (employeeId: string): SurveyAnswers | null => {
      const entry = workOf.get(employeeId);
      if (!entry || entry.work.length === 0) return null;
      const answers = answersFromWork(entry.work, entry.department, activities, DEMO_CAMPAIGN.weeklyHours);
      return answers.lines.length > 0 ? answers : null;
    };

    const levelOfActivity = new Map(activities.map((activity) => [activity.id, activity.valueLevel as string]));
    const levelOfLine = (employeeId: string) => {
      const levelOfWork = new Map((workOf.get(employeeId)?.work ?? []).map((piece) => [piece.title.trim(), piece.valueLevel]));
      return (line: SurveyLine) =>
        line.activityId ? (levelOfActivity.get(line.activityId) ?? null) : (levelOfWork.get(line.otherText ?? '') ?? null);
    };

    const links = await this.campaigns.personalLinks(caller, campaign.id, now);
    const selfLinks = links.filter((link) => link.purpose === 'SELF').sort((a, b) => a.employeeId.localeCompare(b.employeeId));
    const individualContributors = new Set(
      (
        await this.dataSource.query(`SELECT employee_id FROM survey_response WHERE campaign_id = $1 AND mode = 'BOTH'`, [
          campaign.id,
        ])
      ).map((row: { employee_id: string }) => row.employee_id),
    );
    let submitted = 0;
    let icIndex = 0;
    for (const link of selfLinks) {
      if (individualContributors.has(link.employeeId) && ++icIndex % DEMO_CAMPAIGN.nonRespondentEvery === 0) continue;
      const answers = answersOf(link.employeeId);
      if (!answers) continue;
      const [form] = await this.forms.forms({ invitation: link.token }, now);
      if (!form) continue;
      await this.forms.submit({ invitation: link.token }, form.responseId, answers, now);
      submitted++;
    }

    let reviewed = 0;
    let adjusted = 0;
    for (const link of links.filter((candidate) => candidate.purpose === 'MANAGER')) {
      const access = { invitation: link.token };
      for (const form of await this.forms.forms(access, now)) {
        if (form.side !== 'MANAGER' || form.lockedReason || !form.selfAnswers) continue;
        const adjust = reviewed++ % 2 === 1;
        const answers = adjust
          ? moreHandsOn(form.selfAnswers, levelOfLine(form.subjectEmployeeId), DEMO_CAMPAIGN.managerShiftPct)
          : form.selfAnswers;
        if (answers !== form.selfAnswers) adjusted++;
        await this.forms.submit(access, form.responseId, answers, now);
      }
    }

    const closed = await this.campaigns.close(caller, campaign.id, 'KEEP_PREVIOUS', now);
    return { ...closed, submitted, reviewed, adjusted };
  }

  /** HR's own additions to the demo's dictionary copy, published as its next version (the campaign's). */
  private async extendDictionary(caller: Caller, organizationId: string): Promise<void> {
    const current = await this.dictionaries.currentVersion(caller, organizationId);
    if (!current) return;
    const entries = await this.dictionaries.entries(caller, current.id);
    const known = new Set(entries.map((entry) => entry.key));
    const additions = DEMO_DICTIONARY_ADDITIONS.filter((addition) => known.has(addition.functionKey));
    if (additions.length === 0) return;
    // Positional keys, as the dictionary numbers them (`OPS-05`, `OPS-05-01`), given so the
    // activities can name the processes added in the same edit as their parent.
    const childrenOf = (key: string) => entries.filter((entry) => entry.parentKey === key).length;
    const added = new Map<string, number>();
    const changes = additions.flatMap((addition) => {
      const number = childrenOf(addition.functionKey) + (added.get(addition.functionKey) ?? 0) + 1;
      added.set(addition.functionKey, (added.get(addition.functionKey) ?? 0) + 1);
      const processKey = `${addition.functionKey}-${String(number).padStart(2, '0')}`;
      return [
        { kind: 'ADD' as const, parentKey: addition.functionKey, key: processKey, label: addition.process },
        ...addition.activities.map((activity, position) => ({
          kind: 'ADD' as const,
          parentKey: processKey,
          key: `${processKey}-${String(position + 1).padStart(2, '0')}`,
          label: activity.label,
          valueLevel: activity.valueLevel,
        })),
      ];
    });
    await this.dictionaries.edit(caller, organizationId, current.id, changes);
  }
}

/** Each person's work on record in the base snapshot, by employee id. */
function workByEmployee(data: Awaited<ReturnType<typeof loadSnapshotData>>) {
  const personOfPosition = new Map(data.assignments.map((assignment) => [assignment.positionId, assignment.personId]));
  const employeeOfPerson = new Map(data.people.map((person) => [person.id, person.employeeId]));
  const byEmployee = new Map<string, { department: string | null; work: WorkOnRecord[] }>();
  for (const position of data.positions) {
    const personId = personOfPosition.get(position.id);
    const employeeId = personId ? employeeOfPerson.get(personId) : undefined;
    if (employeeId && !position.vacant) byEmployee.set(employeeId, { department: position.department, work: [] });
  }
  for (const responsibility of data.responsibilities) {
    const personId = personOfPosition.get(responsibility.positionId);
    const employeeId = personId ? employeeOfPerson.get(personId) : undefined;
    byEmployee.get(employeeId ?? '')?.work.push({
      title: responsibility.title,
      valueLevel: responsibility.valueLevel,
      sharePct: responsibility.sharePct,
    });
  }
  return byEmployee;
}

const LEVEL_ORDER = ['IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'];

/**
 * A manager's adjustment, the most common one: "you spend more time hands-on than you think".
 * Moves points from the person's highest-level line onto their largest implementation line;
 * unchanged when the form has no such pair. `levelOf` reads a line's level (the dictionary's, or
 * for a written-in line the level of the work it came from).
 */
function moreHandsOn(answers: SurveyAnswers, levelOf: (line: SurveyLine) => string | null, points: number): SurveyAnswers {
  const lines = answers.lines.map((line, index) => ({ line, index, rank: LEVEL_ORDER.indexOf(levelOf(line) ?? '') }));
  const hands = lines.filter(({ rank }) => rank === 0).sort((a, b) => b.line.sharePct - a.line.sharePct)[0];
  const top = lines
    .filter(({ rank, line }) => rank > 0 && line.sharePct > points)
    .sort((a, b) => b.rank - a.rank || b.line.sharePct - a.line.sharePct)[0];
  if (!hands || !top) return answers;
  return {
    ...answers,
    lines: answers.lines.map((line, index) =>
      index === hands.index
        ? { ...line, sharePct: line.sharePct + points }
        : index === top.index
          ? { ...line, sharePct: line.sharePct - points }
          : line,
    ),
  };
}

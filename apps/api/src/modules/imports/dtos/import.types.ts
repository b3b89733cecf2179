import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ImportIssue } from '@rolemap/domain';
import { BackgroundJobType } from '../../jobs/dtos/job.types';

@InputType('ColumnMapInput', { description: 'Maps a column (its header, or "Column 3") to a field; overrides detection.' })
export class ColumnMapInput {
  @Field() @IsString() @MaxLength(300) header: string;
  @Field({ description: 'A canonical field such as manager_id, or "ignore".' }) @IsString() @MaxLength(60) field: string;
}

@InputType('ImportOptions')
export class ImportOptionsInput {
  @Field(() => [ColumnMapInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ColumnMapInput)
  peopleMap?: ColumnMapInput[];

  @Field(() => [ColumnMapInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ColumnMapInput)
  responsibilitiesMap?: ColumnMapInput[];

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) sheet?: string;
  @Field(() => Boolean, { nullable: true, description: 'Force header / no header row instead of detecting it.' })
  @IsOptional()
  @IsBoolean()
  hasHeader?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() allowMultipleRoots?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Read one id on rows with different names (same title and manager) as a job share; by default that is a SHARED_ID error.',
  })
  @IsOptional()
  @IsBoolean()
  jobShares?: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today by default.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) label?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() allowDuplicate?: boolean;
}

@ObjectType('ImportIssue', { description: 'A problem in an uploaded file, precise enough to fix it in a spreadsheet.' })
export class ImportIssueType {
  @Field() file: string;
  @Field(() => Int, { nullable: true }) row: number | null;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field(() => String, { nullable: true }) value: string | null;
  @Field() message: string;
  @Field() code: string;
  @Field(() => [Int], {
    description: 'Every row the problem concerns (several tops, a cycle, the copies of an id); [row] or [] otherwise.',
  })
  rows: number[];

  /** An importer's issue as the API answers it: `rows` always a list (the one row, or none). */
  static from(issue: ImportIssue): ImportIssueType {
    return { ...issue, rows: issue.rows?.length ? issue.rows : issue.row !== null ? [issue.row] : [] };
  }
}

@ObjectType('DetectedColumn')
export class DetectedColumnType {
  @Field({ description: 'Canonical field, e.g. manager_id.' }) field: string;
  @Field({ description: 'The header it comes from ("First Name + Last Name" when combined).' }) header: string;
  @Field(() => [String]) headers: string[];
  @Field({ description: 'explicit, synonym, fuzzy or derived.' }) method: string;
  @Field() note: string;
}

@ObjectType('FileReport')
export class FileReportType {
  @Field() fileName: string;
  @Field(() => String, { nullable: true }) format: string | null;
  @Field(() => String, { nullable: true }) encoding: string | null;
  @Field(() => String, { nullable: true }) delimiter: string | null;
  @Field() hasHeader: boolean;
  @Field(() => Int) rowCount: number;
  @Field(() => [DetectedColumnType]) mapping: DetectedColumnType[];
  @Field(() => [String]) unmappedHeaders: string[];
  @Field(() => String, { nullable: true, description: 'How managers are referenced: employee_id, email or name.' })
  managerReference: string | null;
}

@ObjectType('ImportTopPost', { description: 'A post with no manager in the uploaded people file.' })
export class ImportTopPostType {
  @Field(() => Int) row: number;
  @Field() employeeId: string;
  @Field() name: string;
  @Field() title: string;
}

@ObjectType('ImportResult')
export class ImportResultType {
  @Field() ok: boolean;
  @Field() dryRun: boolean;
  @Field() organizationName: string;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => ID, { nullable: true }) snapshotId: string | null;
  @Field(() => Int, { nullable: true }) snapshotVersion: number | null;
  @Field(() => Int, { nullable: true, description: 'Set when the upload equals this existing version.' }) duplicateOfVersion:
    | number
    | null;
  @Field(() => Int) people: number;
  @Field(() => Int) positions: number;
  @Field(() => Int) responsibilities: number;
  @Field(() => [ImportIssueType]) errors: ImportIssueType[];
  @Field(() => [ImportIssueType]) warnings: ImportIssueType[];
  @Field(() => FileReportType) peopleFile: FileReportType;
  @Field(() => FileReportType, { nullable: true }) responsibilitiesFile: FileReportType | null;
  @Field(() => BackgroundJobType, {
    nullable: true,
    description:
      'Set when the files were large enough to be imported as a background job: the counts, errors and snapshot then come with the job (poll job(id) until DONE).',
  })
  job?: BackgroundJobType | null;
  @Field(() => [ImportTopPostType], { description: 'Posts with no manager (the first 100), e.g. the tops of a forest.' })
  tops: ImportTopPostType[];
}

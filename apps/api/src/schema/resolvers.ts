import { AnalysisResolver, PositionAnalysisResolver } from '../modules/analysis/analysis.resolver';
import { ImportsResolver } from '../modules/imports/imports.resolver';
import { OrganizationsResolver } from '../modules/organizations/organizations.resolver';
import { PeopleResolver } from '../modules/people/people.resolver';
import { PositionsResolver } from '../modules/positions/positions.resolver';
import { ResponsibilitiesResolver } from '../modules/responsibilities/responsibilities.resolver';
import { SnapshotsResolver } from '../modules/snapshots/snapshots.resolver';

/** Every resolver class, so the schema can be printed without starting the app. */
export const RESOLVERS = [
  OrganizationsResolver,
  SnapshotsResolver,
  PositionsResolver,
  PeopleResolver,
  AnalysisResolver,
  PositionAnalysisResolver,
  ImportsResolver,
  ResponsibilitiesResolver,
];

import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { type BeforeBatch, guardedBatch, oneByKey } from '../common/batch-rows';
import { AssignmentEntity } from './assignment.entity';
import { PersonEntity } from './person.entity';

/** Per-request batching of people and who holds which position (see PositionLoaders). */
export interface PeopleLoaders {
  personById: DataLoader<string, PersonEntity | null>;
  assignmentByPosition: DataLoader<string, AssignmentEntity | null>;
  assignmentByPerson: DataLoader<string, AssignmentEntity | null>;
}

export function createPeopleLoaders(dataSource: DataSource, beforeBatch?: BeforeBatch): PeopleLoaders {
  const people = dataSource.getRepository(PersonEntity);
  const assignments = dataSource.getRepository(AssignmentEntity);
  return {
    personById: new DataLoader(
      guardedBatch(beforeBatch, async (ids: readonly string[]) =>
        oneByKey(ids, await people.findBy({ id: In([...ids]) }), (p) => p.id),
      ),
    ),
    assignmentByPosition: new DataLoader(
      guardedBatch(beforeBatch, async (ids: readonly string[]) =>
        oneByKey(ids, await assignments.findBy({ positionId: In([...ids]) }), (a) => a.positionId),
      ),
    ),
    assignmentByPerson: new DataLoader(
      guardedBatch(beforeBatch, async (ids: readonly string[]) =>
        oneByKey(ids, await assignments.findBy({ personId: In([...ids]) }), (a) => a.personId),
      ),
    ),
  };
}

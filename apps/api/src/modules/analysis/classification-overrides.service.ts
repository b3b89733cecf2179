import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { responsibilityKey } from '@rolemap/analysis';
import type { Tier, ValueLevel } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../../common/caller';
import { TierOverrideEntity, ValueLevelOverrideEntity } from '../findings/classification-override.entity';

/** HR's corrections of inferred tiers and classified value levels, kept across snapshots. */
@Injectable()
export class ClassificationOverridesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setTier(caller: Caller, organizationId: string, externalId: string, tier: Tier | null): Promise<void> {
    assertCanAccess(caller, organizationId);
    const repository = this.dataSource.getRepository(TierOverrideEntity);
    if (tier === null) await repository.delete({ organizationId, externalId });
    else await repository.save({ organizationId, externalId, tier });
  }

  async setValueLevel(
    caller: Caller,
    organizationId: string,
    employeeId: string,
    responsibility: string,
    valueLevel: ValueLevel | null,
  ): Promise<void> {
    assertCanAccess(caller, organizationId);
    const key = responsibilityKey(employeeId, responsibility);
    const repository = this.dataSource.getRepository(ValueLevelOverrideEntity);
    if (valueLevel === null) await repository.delete({ organizationId, responsibilityKey: key });
    else await repository.save({ organizationId, responsibilityKey: key, valueLevel });
  }
}

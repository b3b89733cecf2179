export { TierEnum, TierSourceEnum } from '../modules/positions/position.entity';
export { ValueLevelEnum, ValueLevelSourceEnum } from '../modules/responsibilities/responsibility.entity';

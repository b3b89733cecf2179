export { TierEnum, TierSourceEnum } from '../modules/positions/position.entity';
export { ResponsibilityLevelEnum, ValueLevelEnum, ValueLevelSourceEnum } from '../modules/responsibilities/responsibility.entity';

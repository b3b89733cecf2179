export * from './domain-error';
export * from './value-level';
export * from './tier';
export * from './policy';
export * from './snapshot';
export * from './finding';
export * from './import-record';
export * from './organization-role';

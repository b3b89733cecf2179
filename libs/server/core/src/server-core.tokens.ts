/** Injection tokens for values ServerCoreModule provides globally. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

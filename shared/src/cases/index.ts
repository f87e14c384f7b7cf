export * from './rules';
export * from './countdown';
export * from './cases.schema';
export * from './correction.schema';

export * from './rules';
export * from './appeal';
export * from './countdown';
export * from './cases.schema';
export * from './correction.schema';

export * from './rules';
export * from './appeal';
export * from './countdown';
export * from './rating-window';
export * from './cases.schema';
export * from './correction.schema';

export * from './templates';
export * from './wx-values';
export * from './messages.schema';

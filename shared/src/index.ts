import './zod-locale';
export * from './errors';
export * from './idcard';
export * from './mask';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/appointments';
export * from './calendar';
export * from './booking';

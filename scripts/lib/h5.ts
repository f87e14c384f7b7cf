import { buildMiniapp, isBuildFresh } from './miniapp-build';

/** True when miniapp/dist-h5 exists and is newer than every source it is built from. */
export const h5IsFresh = (root: string): boolean => isBuildFresh(root, 'h5');

export const buildH5 = (root: string): Promise<void> => buildMiniapp(root, 'h5');

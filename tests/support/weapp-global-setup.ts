import path from 'node:path';
import { buildMiniapp, isBuildFresh } from '../../scripts/lib/miniapp-build';
import globalSetup from './global-setup';

/** The weapp project: the database, and the weapp build when its sources are newer (npm test builds it in the gate). */
export default async function weappGlobalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  if (!isBuildFresh(root, 'weapp')) {
    process.stderr.write('\nweapp: building miniapp/dist (its sources changed)…\n');
    await buildMiniapp(root, 'weapp');
  }
  await globalSetup();
}

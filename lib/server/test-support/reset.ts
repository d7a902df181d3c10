import { resetSourcesForTests } from '@/lib/config/sources';
import { resetClientsForTests } from '@/lib/sagemaker/client';
import { resetEnvForTests } from '@/lib/config/env';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { resetCacheForTests } from '../page-cache';
import { resetCursorsForTests } from '../merge/cursor';
import { resetSourcePagesForTests } from '../merge/source-pages';
import { resetAccountIdsForTests } from '@/lib/sagemaker/account-id';
import { resetBudgetForTests } from '@/lib/sagemaker/budget-plugin';
import { resetSharedStoreForTests } from '@/lib/shared/store';

/** Drops every piece of module state that depends on the environment. */
export function resetServerState(): void {
  resetEnvForTests();
  resetSourcesForTests();
  resetClientsForTests();
  resetCacheForTests();
  resetSourcePagesForTests();
  resetCursorsForTests();
  resetAccountIdsForTests();
  resetLoggerForTests();
  resetBudgetForTests();
  void resetSharedStoreForTests();
}

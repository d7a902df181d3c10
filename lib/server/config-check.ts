import 'server-only';
import { ConfigError, serverEnv } from '@/lib/config/env';
import { catalogSources } from '@/lib/config/sources';

export interface ConfigReport {
  errors: string[];
  warnings: string[];
}

/** Validates every server setting at once so a start-up failure lists all bad variables together. */
export function checkConfig(): ConfigReport {
  let env: ReturnType<typeof serverEnv>;
  try {
    env = serverEnv();
    catalogSources();
  } catch (error) {
    if (error instanceof ConfigError) return { errors: [error.message], warnings: [] };
    throw error;
  }
  const warnings: string[] = [];
  if (env.auth.AUTH_MODE === 'none' && env.NODE_ENV === 'production') {
    warnings.push(
      'AUTH_MODE=none in production: every request is served without verifying who sent it. ' +
        'Set AUTH_MODE to jwt, alb or header unless an authenticating proxy is the only way in.',
    );
  }
  return { errors: [], warnings };
}

const reported = globalThis as typeof globalThis & { sagemakerDashboardConfigChecked?: boolean };

/** Called once from instrumentation.ts: warns loudly, or prints what is wrong and exits without a stack trace. */
export function enforceConfig(exit: (code: number) => never = process.exit): void {
  if (reported.sagemakerDashboardConfigChecked) return;
  reported.sagemakerDashboardConfigChecked = true;
  const { errors, warnings } = checkConfig();
  for (const warning of warnings) console.warn(`\n!!! WARNING: ${warning}\n`);
  if (errors.length === 0) return;
  console.error(['The dashboard cannot start:', ...errors.map((error) => `  - ${error}`)].join('\n'));
  exit(1);
}

export function resetConfigCheckForTests(): void {
  reported.sagemakerDashboardConfigChecked = undefined;
}

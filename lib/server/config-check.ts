import 'server-only';
import { authEnv } from './auth/auth-env';
import { serverEnv } from './env';
import { opsEnv } from './ops-env';

export interface ConfigReport {
  errors: string[];
  warnings: string[];
}

function attempt(read: () => unknown, errors: string[]): void {
  try {
    read();
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
}

/** Validates every server setting at once so a start-up failure lists all bad variables together. */
export function checkConfig(): ConfigReport {
  const errors: string[] = [];
  attempt(serverEnv, errors);
  attempt(authEnv, errors);
  attempt(opsEnv, errors);
  const warnings: string[] = [];
  if (errors.length === 0 && authEnv().AUTH_MODE === 'none' && opsEnv().NODE_ENV === 'production') {
    warnings.push(
      'AUTH_MODE=none in production: every request is served without verifying who sent it. ' +
        'Set AUTH_MODE to jwt, alb or header unless an authenticating proxy is the only way in.',
    );
  }
  return { errors, warnings };
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

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { enforceConfig } = await import('@/lib/server/config-check');
  enforceConfig();
  const { learnAccountIds } = await import('@/lib/server/sources');
  learnAccountIds();
  const { gateRulesFromEnv, installHttpGate } = await import('@/lib/server/http-gate');
  installHttpGate(gateRulesFromEnv());
}

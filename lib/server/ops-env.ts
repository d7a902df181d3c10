import 'server-only';
import { z } from 'zod';

const opsEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).catch('production'),
  METRICS_TOKEN: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.string().min(16, 'must be at least 16 characters').optional())
    .optional(),
  READY_TIMEOUT_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(100).max(60_000))
    .optional()
    .transform((value) => value ?? 5_000),
});

export type OpsEnv = z.infer<typeof opsEnvSchema>;

let cached: OpsEnv | undefined;

/** NODE_ENV and the operations endpoints' settings; throws naming each bad variable. */
export function opsEnv(): OpsEnv {
  if (cached) return cached;
  const result = opsEnvSchema.safeParse(process.env);
  if (!result.success) {
    throw new Error(
      `Invalid operations settings: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  }
  cached = result.data;
  return cached;
}

export function resetOpsEnvForTests(): void {
  cached = undefined;
}

import type { ServerResponse } from 'node:http';
import { faultSettingsSchema, type FaultInjector } from '../faults';
import type { StatsRecorder } from '../stats';
import { sendJson } from './io';

export const CONTROL_PREFIX = '/_emulator/';

export interface ControlDeps {
  stats: StatsRecorder;
  faults: FaultInjector;
  now: () => number;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: body.length === 0 ? {} : JSON.parse(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: `body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Test-only endpoints: no SigV4, loopback callers only (checked by the server). */
export function handleControl(method: string, path: string, body: Buffer, response: ServerResponse, deps: ControlDeps) {
  const send = (status: number, payload: unknown) =>
    sendJson(response, status, payload, deps.now(), 'application/json');
  const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
  if (route === 'GET stats') return send(200, deps.stats.snapshot());
  if (route === 'POST reset') {
    deps.stats.reset();
    deps.faults.reset();
    return send(200, { faults: deps.faults.settings });
  }
  if (route === 'POST faults') {
    const json = parseJson(body);
    if (!json.ok) return send(400, { error: json.error });
    const parsed = faultSettingsSchema.safeParse(json.value);
    if (!parsed.success)
      return send(400, {
        error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      });
    deps.faults.set(parsed.data);
    return send(200, { faults: deps.faults.settings });
  }
  return send(404, { error: `no control endpoint ${method} ${path}; use GET stats, POST faults or POST reset` });
}

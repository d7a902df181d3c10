import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { CatalogProvider } from '../catalog/catalog-provider';
import { addedItemsSchema, addItems } from '../catalog/data-file';
import { faultSettingsSchema, type FaultInjector } from '../faults';
import type { CredentialStore } from '../protocol/credentials';
import type { StatsRecorder } from '../stats';
import { sendJson } from './io';

export const CONTROL_PREFIX = '/_emulator/';

export interface ControlDeps {
  stats: StatsRecorder;
  faults: FaultInjector;
  catalogs: CatalogProvider;
  credentials: CredentialStore;
  now: () => number;
}

/** Where added items go: an account (by id, or the one of the default access key) and a region. */
const itemsRequest = addedItemsSchema.extend({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as us-east-1'),
  accountId: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit account id')
    .optional(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
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
  if (route === 'POST items') {
    const json = parseJson(body);
    if (!json.ok) return send(400, { error: json.error });
    const parsed = itemsRequest.safeParse(json.value);
    if (!parsed.success) return send(400, { error: describeIssues(parsed.error) });
    const { region, accountId, ...items } = parsed.data;
    const account = accountId ?? deps.credentials.first()?.accountId;
    if (account === undefined) return send(400, { error: 'accountId: no account to add to' });
    addItems(deps.catalogs.get({ accountId: account, region }), items);
    const added =
      items.Images.length +
      Object.values(items.ImageVersions).flat().length +
      items.ModelPackages.length +
      items.ModelPackageGroups.length;
    return send(200, { added, accountId: account, region });
  }
  if (route === 'POST faults') {
    const json = parseJson(body);
    if (!json.ok) return send(400, { error: json.error });
    const parsed = faultSettingsSchema.safeParse(json.value);
    if (!parsed.success) return send(400, { error: describeIssues(parsed.error) });
    deps.faults.set(parsed.data);
    return send(200, { faults: deps.faults.settings });
  }
  return send(404, {
    error: `no control endpoint ${method} ${path}; use GET stats, POST faults, POST items or POST reset`,
  });
}

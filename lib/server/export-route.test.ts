/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { apiPath, cliCommand, kebabCase } from '@/lib/resources/derive';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { sourceFields } from '@/lib/resources/schemas/params';
import { listingOf } from '@/lib/resources/schemas/registry';
import { csvField } from './export-route';
import { awsCliList } from './test-support/aws-cli';
import { listAllThroughProxy, normalizeTimes } from './test-support/full-listing';
import { sageMakerOperations, startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = import.meta.glob<{ GET: Handler }>('/app/api/**/export/route.ts', { eager: true });

function exportHandler(route: ResourceId): Handler {
  const found = modules[`/app${resourceSpec(route).apiRoute}/export/route.ts`];
  if (found === undefined) throw new Error(`no export route for ${route}`);
  return found.GET;
}

async function callExport(route: ResourceId, query: string, path: Record<string, string> = {}, signal?: AbortSignal) {
  const url = `http://localhost${apiPath(resourceSpec(route), path)}/export?${query}`;
  return exportHandler(route)(new Request(url, { signal }), { params: Promise.resolve(path) });
}

const UNKNOWN_TO_CLI = new Set(['ModelLifeCycle', 'ModelPackageRegistrationType', ...Object.keys(sourceFields)]);
const asCliSees = (item: Record<string, unknown>) =>
  normalizeTimes(Object.fromEntries(Object.entries(item).filter(([key]) => !UNKNOWN_TO_CLI.has(key))));

/** RFC 4180: records end in CRLF, a quoted field may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return records;
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startProxyWithEmulator({ scale: 'medium' });
});
afterAll(() => stopProxyAndEmulator(emulator));

interface ExportCase {
  name: string;
  route: ResourceId;
  params: Record<string, string>;
  path?: Record<string, string>;
}

const CASES: ExportCase[] = [
  {
    name: 'model packages of both kinds, newest first',
    route: 'model-packages',
    params: { ModelPackageType: 'Both', SortBy: 'CreationTime', SortOrder: 'Descending' },
  },
  { name: 'model packages, API defaults (oldest first)', route: 'model-packages', params: {} },
  {
    name: 'approved versioned packages since 2024',
    route: 'model-packages',
    params: {
      ModelPackageType: 'Versioned',
      ModelApprovalStatus: 'Approved',
      CreationTimeAfter: '2024-01-01T00:00:00Z',
    },
  },
  {
    name: 'images by name (read page by page)',
    route: 'images',
    params: { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' },
  },
  {
    name: 'groups with a name filter, newest first',
    route: 'model-package-groups',
    params: { NameContains: 'fraud', SortBy: 'CreationTime', SortOrder: 'Descending' },
  },
];

describe('GET …/export', () => {
  it.each(CASES)('$name: the JSON export equals the AWS CLI’s full listing', async ({ route, params, path = {} }) => {
    const response = await callExport(route, new URLSearchParams({ ...params, format: 'json' }).toString(), path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${route}-.*\\.json"$`),
    );
    const exported = JSON.parse(await response.text()) as Record<string, unknown>[];
    const spec = resourceSpec(route);
    const args = [
      ...Object.entries({ ...path, ...params }).flatMap(([member, value]) => [`--${kebabCase(member)}`, value]),
      '--page-size',
      '100',
    ];
    const listed = (await awsCliList(emulator.url, cliCommand(spec), args, spec.resultKey)) as Record<
      string,
      unknown
    >[];
    expect(exported.length).toBeGreaterThan(route === 'model-package-groups' ? 0 : 50);
    expect(exported.map(asCliSees)).toEqual(listed.map((item) => normalizeTimes(item)));
  });

  it('cuts a listing ordered by creation time into shards: about a call per 100 rows, not one per empty window', async () => {
    const before = sageMakerOperations(emulator).ListModelPackages ?? 0;
    const response = await callExport('model-packages', 'format=json&ModelPackageType=Both');
    const rows = (JSON.parse(await response.text()) as unknown[]).length;
    const calls = (sageMakerOperations(emulator).ListModelPackages ?? 0) - before;
    expect(rows).toBeGreaterThan(1000);
    // Two probes, the shards' first pages, and at most one page read again per cut.
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(rows / 100));
    expect(calls).toBeLessThan(Math.ceil(rows / 100) * 2 + 16);
  });

  it('writes CSV: a header of the API field names, RFC 4180 quoting, and the browser-side status filter', async () => {
    const response = await callExport('model-packages', 'format=csv&ModelPackageType=Both&status=Completed,failed');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const [fields = [], ...records] = parseCsv(text);
    expect(fields).toEqual(Object.keys(listingOf('model-packages').row.shape));
    const all = (await listAllThroughProxy('model-packages', { ModelPackageType: 'Both', MaxResults: '100' })).items;
    const expected = all.filter((row) => row.ModelPackageStatus === 'Completed' || row.ModelPackageStatus === 'Failed');
    const asCsv = (row: Record<string, unknown>) =>
      fields.map((field) => {
        const value = row[field];
        if (value === undefined) return '';
        if (typeof value === 'string') return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      });
    expect(records).toEqual(expected.map(asCsv));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField({ Stage: 'Prod' })).toBe('"{""Stage"":""Prod""}"');
    expect(csvField(undefined)).toBe('');
    expect(csvField('=HYPERLINK("http://evil.test")')).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-3)).toBe('-3');
  });

  it.each([
    ['format=xml', 'format'],
    ['format=csv&status=Nope', 'status'],
    ['format=csv&MaxResults=0', 'MaxResults'],
    ['format=csv&NextToken=abc', 'NextToken'],
    ['format=csv&Accounts=nope', 'Accounts'],
    ['format=csv&SortBy=Size', 'SortBy'],
  ])('refuses %s with a 400 naming %s', async (query, param) => {
    const response = await callExport('model-packages', query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidParameter', param } });
  });

  it('answers a HEAD with the download headers and lists nothing upstream', async () => {
    const url = `http://localhost${apiPath(resourceSpec('model-packages'), {})}/export?format=csv&ModelPackageType=Both`;
    const before = emulator.stats().byOperation.ListModelPackages ?? 0;
    const response = await exportHandler('model-packages')(new Request(url, { method: 'HEAD' }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="model-packages-.*\.csv"$/);
    expect(response.body).toBeNull();
    expect(emulator.stats().byOperation.ListModelPackages ?? 0).toBe(before);
  });

  it('answers 404 for an image that does not exist, before any byte of a download', async () => {
    const response = await callExport('image-versions', 'format=csv', { ImageName: 'no-such-image' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-disposition')).toBeNull();
  });
});

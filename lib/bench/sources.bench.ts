import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '@/lib/emulator';
import { BENCH_DIST_DIR, BENCH_REGION, buildNext, freePort, startNextServer, stopProcess } from './proxy-processes';
import { median } from './proxy-measure';
import { coldLoad } from './ui-browser';
import { chromiumPath, startScaledEmulator } from './ui-processes';
import { writeSourcesResults, type SourcesFigures } from './sources-report';

const ROUNDS = 3;
const LOADS_PER_ROUND = 5;
const UPSTREAM_MS = 20;
const PAGE_SIZE = 100;
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const OPERATION = 'ListModelPackages';

const stats = z.object({ byOperation: z.record(z.string(), z.number()) });
const page = z.object({ items: z.array(z.unknown()), nextToken: z.string().nullable() });

async function control(url: string, path: string, body?: unknown): Promise<unknown> {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  return (await fetch(`${url}/_emulator/${path}`, init)).json();
}

const listCalls = async (emulatorUrl: string) =>
  stats.parse(await control(emulatorUrl, 'stats')).byOperation[OPERATION] ?? 0;

function roleArn(account: string): string {
  return `arn:aws:iam::${account}:role/CatalogReadOnly`;
}

/** Each source's own listing with the SDK, as the CLI would page it: how many pages it takes, and its rows. */
async function perSourcePages(emulatorUrl: string, after: Date): Promise<{ pages: number; rows: number }> {
  const sts = new STSClient({
    region: BENCH_REGION,
    endpoint: emulatorUrl,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY },
  });
  let pages = 0;
  let rows = 0;
  try {
    for (const account of ACCOUNTS) {
      const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(account), RoleSessionName: 'bench' }));
      const credentials = assumed.Credentials;
      if (credentials?.AccessKeyId === undefined || credentials.SecretAccessKey === undefined) {
        throw new Error('AssumeRole returned no credentials');
      }
      for (const region of REGIONS) {
        const client = new SageMakerClient({
          region,
          endpoint: emulatorUrl,
          credentials: {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
          },
        });
        let token: string | undefined;
        do {
          const answer = await client.send(
            new ListModelPackagesCommand({
              ModelPackageType: 'Both',
              CreationTimeAfter: after,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
          );
          pages += 1;
          rows += answer.ModelPackageSummaryList?.length ?? 0;
          token = answer.NextToken;
        } while (token !== undefined);
        client.destroy();
      }
    }
  } finally {
    sts.destroy();
  }
  return { pages, rows };
}

/** The merged listing through the proxy, every page: its rows. */
async function mergedListing(appUrl: string, after: Date): Promise<number> {
  const query = new URLSearchParams({
    ModelPackageType: 'Both',
    CreationTimeAfter: after.toISOString(),
    MaxResults: String(PAGE_SIZE),
  });
  let rows = 0;
  let token: string | null = null;
  do {
    if (token !== null) query.set('NextToken', token);
    const response = await fetch(`${appUrl}/api/model-packages?${query}`);
    if (response.status !== 200) throw new Error(`merged listing answered ${response.status}`);
    const answer = page.parse(await response.json());
    rows += answer.items.length;
    token = answer.nextToken;
  } while (token !== null);
  return rows;
}

export default async function sourcesBench(): Promise<void> {
  if (!process.argv.includes('--skip-build') || !existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) await buildNext();
  mkdirSync('.bench', { recursive: true });
  const sourcesFile = join('.bench', 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({
      regions: REGIONS,
      accounts: ACCOUNTS.map((account, index) => ({ name: `account-${index + 1}`, roleArn: roleArn(account) })),
    }),
  );
  const emulatorPort = await freePort();
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const emulator = await startScaledEmulator(emulatorPort, 'medium');
  const onePort = await freePort();
  const one = await startNextServer(onePort, emulatorUrl);
  const sixPort = await freePort();
  const six = await startNextServer(sixPort, emulatorUrl, { CATALOG_SOURCES_FILE: sourcesFile });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await control(emulatorUrl, 'faults', { latencyMs: UPSTREAM_MS });
    const calls: SourcesFigures['calls'] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // A distinct lower bound per round: no cache on either side answers for the emulator.
      const after = new Date(Date.UTC(2000, 0, 1, 0, 0, round + 1));
      const before = await listCalls(emulatorUrl);
      const rows = await mergedListing(`http://127.0.0.1:${sixPort}`, after);
      const merged = (await listCalls(emulatorUrl)) - before;
      const own = await perSourcePages(emulatorUrl, after);
      if (own.rows !== rows) throw new Error(`the merged listing has ${rows} rows, the sources ${own.rows}`);
      calls.push({ rows, merged, perSource: own.pages });
    }

    const firstRow: SourcesFigures['firstRow'] = { one: [], six: [] };
    let serial = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const one: number[] = [];
      const six: number[] = [];
      for (let load = 0; load < LOADS_PER_ROUND; load += 1) {
        serial += 1;
        // A fresh created= range per load, so the proxy asks the emulator every time.
        const start = new Date(Date.UTC(2001, 0, 1, 0, 0, serial)).toISOString().replace('.000Z', 'Z');
        const path = `/model-packages?created=${start}/..`;
        one.push((await coldLoad(browser, `http://127.0.0.1:${onePort}${path}`)).ready);
        six.push((await coldLoad(browser, `http://127.0.0.1:${sixPort}${path}`)).ready);
      }
      firstRow.one.push(median(one));
      firstRow.six.push(median(six));
    }
    console.log(
      writeSourcesResults(
        { calls, firstRow },
        { rounds: ROUNDS, loads: LOADS_PER_ROUND, upstreamMs: UPSTREAM_MS, pageSize: PAGE_SIZE },
      ),
    );
  } finally {
    await browser.close();
    await stopProcess(six);
    await stopProcess(one);
    await stopProcess(emulator);
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where code runs decides whether it may use zod: what the browser loads does not (the API's schemas stay on the
 * server, in lib/resources/schemas); server code uses classic zod. `uses` lists the only layers a layer may
 * import; the graph has no back-edge, so no cycle between folders.
 */
interface Layer {
  dir: string;
  runs: 'browser' | 'server' | 'both' | 'tooling';
  uses: readonly string[];
}

const LAYERS: readonly Layer[] = [
  { dir: 'app/api', runs: 'server', uses: ['lib/server', 'lib/resources', 'lib/resources/schemas'] },
  {
    dir: 'app/_listing',
    runs: 'server',
    uses: [
      'components',
      'lib/url',
      'lib/resources',
      'lib/resources/schemas',
      'lib/server',
      'lib/server/auth',
      'lib/server/http',
      'lib/config',
    ],
  },
  {
    dir: 'app',
    runs: 'both',
    uses: [
      'app/_listing',
      'components',
      'lib/query',
      'lib/url',
      'lib/resources',
      'lib/resources/schemas',
      'lib/server/auth',
      'lib/config',
    ],
  },
  { dir: 'components', runs: 'both', uses: ['lib/query', 'lib/url', 'lib/resources'] },
  { dir: 'lib/query', runs: 'browser', uses: ['lib/url', 'lib/resources'] },
  { dir: 'lib/url', runs: 'both', uses: ['lib/resources'] },
  { dir: 'lib/resources', runs: 'both', uses: [] },
  { dir: 'lib/resources/schemas', runs: 'server', uses: ['lib/resources'] },
  {
    dir: 'lib/server',
    runs: 'server',
    uses: [
      'lib/server/auth',
      'lib/server/http',
      'lib/sagemaker',
      'lib/resources',
      'lib/resources/schemas',
      'lib/url',
      'lib/config',
      'lib/observability',
      'lib/shared',
    ],
  },
  { dir: 'lib/server/auth', runs: 'server', uses: ['lib/server/http', 'lib/config', 'lib/observability'] },
  { dir: 'lib/server/http', runs: 'server', uses: [] },
  { dir: 'lib/sagemaker', runs: 'server', uses: ['lib/resources', 'lib/config', 'lib/observability', 'lib/shared'] },
  { dir: 'lib/shared', runs: 'server', uses: ['lib/config', 'lib/observability'] },
  { dir: 'lib/shared/test-support', runs: 'tooling', uses: [] },
  { dir: 'lib/observability', runs: 'server', uses: ['lib/config'] },
  { dir: 'lib/config', runs: 'server', uses: [] },
  { dir: 'lib/emulator', runs: 'server', uses: [] },
  {
    dir: 'lib/bench',
    runs: 'tooling',
    uses: ['lib/emulator', 'lib/resources', 'lib/config', 'lib/shared/test-support'],
  },
  { dir: 'e2e', runs: 'tooling', uses: ['lib/resources', 'lib/emulator', 'lib/url', 'lib/shared/test-support'] },
  { dir: 'lib/architecture.test.ts', runs: 'tooling', uses: [] },
  { dir: 'proxy.ts', runs: 'server', uses: ['lib/server/auth'] },
  { dir: 'next.config.mjs', runs: 'server', uses: [] },
  { dir: 'instrumentation.ts', runs: 'server', uses: ['lib/server'] },
];

/** Tests may also drive the emulator, call route handlers and the proxy, and read the build configuration. */
const TEST_USES = [
  'lib/emulator',
  'app/api',
  'proxy.ts',
  'next.config.mjs',
  'lib/server',
  'lib/server/auth',
  'lib/server/http',
  'lib/sagemaker',
  'lib/config',
  'lib/observability',
  'lib/shared',
  'lib/shared/test-support',
  'lib/resources/schemas',
  'lib/url',
];

/** Packages only some layers may import: the AWS SDK lives behind lib/sagemaker; server-only code stays there. */
const PACKAGES: readonly { name: RegExp; only: (layer: Layer) => boolean; why: string }[] = [
  {
    name: /^@aws-sdk\/client-sagemaker$/,
    only: (layer) => layer.dir === 'lib/sagemaker' || layer.runs === 'tooling' || layer.dir === 'lib/emulator',
    why: 'only lib/sagemaker talks to the SDK',
  },
  {
    name: /^@redis\/client$/,
    only: (layer) => layer.dir === 'lib/shared' || layer.runs === 'tooling',
    why: 'only lib/shared talks to the shared store',
  },
  {
    name: /^(server-only|next\/headers|node:.*)$/,
    only: (layer) => layer.runs !== 'browser' && !['components', 'lib/url', 'lib/resources'].includes(layer.dir),
    why: 'the browser loads this layer',
  },
];

function layerOf(file: string): Layer | undefined {
  const path = relative(ROOT, file);
  return LAYERS.filter((layer) => path === layer.dir || path.startsWith(`${layer.dir}/`)).sort(
    (a, b) => b.dir.length - a.dir.length,
  )[0];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (['node_modules', '.next', '.git', '.results', '.report', '.tools', '.ci'].includes(name)) return [];
    if (name.startsWith('.next')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|mjs)$/.test(name) && !name.endsWith('.d.mts') ? [path] : [];
  });
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return resolve(dirname(file), specifier);
  return undefined;
}

const files = ['app', 'components', 'lib', 'e2e', 'proxy.ts', 'instrumentation.ts'].flatMap((entry) => {
  const path = join(ROOT, entry);
  return statSync(path).isDirectory() ? sources(path) : [path];
});

describe('the layers', () => {
  it('put every source file in a layer', () => {
    expect(files.filter((file) => layerOf(file) === undefined).map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('point one way: a layer imports only the layers below it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (from === undefined) continue;
      const test = /\.test\.tsx?$|\/test-support\//.test(file);
      for (const specifier of importsOf(file)) {
        const path = target(file, specifier);
        if (path === undefined) continue;
        const to = layerOf(
          /\.(tsx?|mjs)$/.test(path) ? path : existsSync(path) ? join(path, 'index.ts') : `${path}.ts`,
        );
        if (to === undefined) {
          violations.push(`${relative(ROOT, file)} imports ${specifier}, which is in no layer`);
          continue;
        }
        if (to.dir === from.dir) continue;
        if (from.uses.includes(to.dir) || (test && TEST_USES.includes(to.dir))) continue;
        violations.push(`${relative(ROOT, file)} (${from.dir}) imports ${specifier} (${to.dir})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keep packages where they belong', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer === undefined || /\.test\.tsx?$|\/test-support\//.test(file)) continue;
      for (const specifier of importsOf(file)) {
        for (const rule of PACKAGES) {
          if (rule.name.test(specifier) && !rule.only(layer)) {
            violations.push(`${relative(ROOT, file)} (${layer.dir}) imports ${specifier}: ${rule.why}`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keep zod out of what the browser loads, and use classic zod on the server', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer === undefined || layer.runs === 'tooling') continue;
      for (const specifier of importsOf(file)) {
        if (specifier !== 'zod' && !specifier.startsWith('zod/')) continue;
        if (layer.runs !== 'server' || specifier !== 'zod') {
          violations.push(`${relative(ROOT, file)} (${layer.runs}) imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

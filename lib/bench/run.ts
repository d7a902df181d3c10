import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

async function main(): Promise<void> {
  // `npm run bench -- --only ui,full` runs those benches alone.
  const at = process.argv.indexOf('--only');
  const only = at === -1 ? undefined : (process.argv[at + 1] ?? '').split(',');
  const modules = readdirSync(here)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only === undefined || only.includes(file.replace(/\.bench\.ts$/, '')))
    .sort();
  if (modules.length === 0) throw new Error(`no bench named ${only?.join(', ') ?? ''}`);
  for (const file of modules) {
    console.log(`\n=== ${file}`);
    const loaded: unknown = await import(pathToFileURL(join(here, file)).href);
    const run = typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : undefined;
    if (typeof run !== 'function') throw new Error(`${file} has no default export to run`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

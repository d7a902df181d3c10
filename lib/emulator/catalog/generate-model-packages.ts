import { arnPrefix } from './arn';
import { createRandom, seedFrom, weighted, type Random } from './random';
import { ascendingInstants, DAY_MS, HISTORY_MS } from './timeline';
import { MODEL_PACKAGE_STATUSES, type ModelPackageRecord, type ScopeIds } from './types';
import { LIFECYCLE, MODEL_GROUPS, PACKAGE_DESCRIPTIONS, TEAMS, UNVERSIONED_BASES } from './vocabulary';

export interface ModelPackageScale {
  groups: number;
  versioned: number;
  unversioned: number;
  /** Groups with no package yet, after the ones that have packages. */
  emptyGroups: number;
  /** Groups another account shares with this one. */
  sharedGroups: number;
}

const GROUP_SUFFIXES = ['', '-emea', '-apac', '-us', '-latam', '-canary', '-v2', '-shadow'];
const STATUS_WEIGHTS = MODEL_PACKAGE_STATUSES.map((s) => [s, s === 'Completed' ? 85 : 4] as const);

export function groupNames(count: number): string[] {
  const names: string[] = [];
  for (const suffix of GROUP_SUFFIXES) {
    for (const base of MODEL_GROUPS) {
      if (names.length === count) return names;
      names.push(`${base}${suffix}`);
    }
  }
  return names;
}

function splitCounts(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.2 + random.next() ** 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  const shortfall = total - counts.reduce((a, b) => a + b, 0);
  counts[0] = (counts[0] ?? 0) + Math.max(0, shortfall);
  return counts;
}

function optionalDetails(random: Random): Pick<ModelPackageRecord, 'ModelPackageDescription' | 'ModelLifeCycle'> {
  return {
    ...(random.chance(0.7) ? { ModelPackageDescription: random.pick(PACKAGE_DESCRIPTIONS) } : {}),
    ...(random.chance(0.6) ? { ModelLifeCycle: { ...random.pick(LIFECYCLE) } } : {}),
  };
}

function versionedPackages(
  random: Random,
  ids: ScopeIds,
  group: string,
  count: number,
  anchor: number,
  coverAll: boolean,
) {
  const start = anchor - Math.floor(HISTORY_MS * (0.3 + 0.7 * random.next()));
  return ascendingInstants(random, count, start, anchor, 0.1).map((created, index): ModelPackageRecord => {
    const version = index + 1;
    const status = coverAll ? (MODEL_PACKAGE_STATUSES[index % 5] ?? 'Completed') : weighted(random, STATUS_WEIGHTS);
    const registration = coverAll
      ? index % 2 === 0
        ? 'Registered'
        : 'Logged'
      : random.chance(0.8)
        ? 'Registered'
        : 'Logged';
    const recent = index >= count - 3;
    const approval =
      registration === 'Logged'
        ? undefined
        : weighted(random, [
            ['Approved', recent ? 20 : 45],
            ['Rejected', 15],
            ['PendingManualApproval', recent ? 65 : 10],
          ] as const);
    return {
      ModelPackageName: group,
      ModelPackageGroupName: group,
      ModelPackageVersion: version,
      ModelPackageArn: `${arnPrefix(ids)}:model-package/${group}/${version}`,
      ...optionalDetails(random),
      CreationTime: created,
      ModelPackageStatus: status,
      ...(approval ? { ModelApprovalStatus: approval } : {}),
      ModelPackageRegistrationType: registration,
    };
  });
}

function unversionedPackages(random: Random, ids: ScopeIds, count: number, anchor: number): ModelPackageRecord[] {
  const times = ascendingInstants(random, count, anchor - HISTORY_MS, anchor, 0.08);
  return times.map((created, index) => {
    const base = UNVERSIONED_BASES[index % UNVERSIONED_BASES.length] ?? 'model';
    const name = `${base}-${TEAMS[Math.floor(index / UNVERSIONED_BASES.length) % TEAMS.length]}-${index + 1}`;
    return {
      ModelPackageName: name,
      ModelPackageArn: `${arnPrefix(ids)}:model-package/${name}`,
      ...optionalDetails(random),
      CreationTime: created,
      ModelPackageStatus: weighted(random, STATUS_WEIGHTS),
      ModelPackageRegistrationType: 'Registered',
    };
  });
}

export function generateModelPackages(ids: ScopeIds, seed: number, scale: ModelPackageScale, anchor: number) {
  const random = createRandom(seedFrom('model-packages', seed, ids.accountId, ids.region));
  const groups = groupNames(scale.groups);
  const counts = splitCounts(random, scale.versioned, groups.length);
  const versioned = groups.flatMap((group, index) =>
    versionedPackages(random, ids, group, counts[index] ?? 1, anchor - random.int(0, 30) * DAY_MS, index === 0),
  );
  return [...versioned, ...unversionedPackages(random, ids, scale.unversioned, anchor)];
}

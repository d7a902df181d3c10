import { partitionOf } from './arn';
import { groupNames, type ModelPackageScale } from './generate-model-packages';
import { createRandom, seedFrom, weighted, type Random } from './random';
import { ascendingInstants, DAY_MS, HISTORY_MS } from './timeline';
import {
  groupArnOf,
  MODEL_PACKAGE_GROUP_STATUSES,
  type ModelPackageGroupRecord,
  type ModelPackageRecord,
  type ScopeIds,
  type SharedRegistry,
} from './types';
import { CENTRAL_REGISTRY_ACCOUNT, GROUP_DESCRIPTIONS, SHARED_GROUPS } from './vocabulary';

const STATUS_WEIGHTS = MODEL_PACKAGE_GROUP_STATUSES.map((s) => [s, s === 'Completed' ? 85 : 3] as const);

function details(random: Random): Pick<ModelPackageGroupRecord, 'ModelPackageGroupDescription'> {
  return random.chance(0.8) ? { ModelPackageGroupDescription: random.pick(GROUP_DESCRIPTIONS) } : {};
}

/** One group per group name the packages use, created a little before its first package. */
function groupsOfPackages(random: Random, packages: readonly ModelPackageRecord[]): ModelPackageGroupRecord[] {
  const first = new Map<string, ModelPackageRecord>();
  for (const pkg of packages) {
    const name = pkg.ModelPackageGroupName;
    if (name === undefined) continue;
    const known = first.get(name);
    if (known === undefined || pkg.CreationTime < known.CreationTime) first.set(name, pkg);
  }
  return [...first.values()].map((pkg) => ({
    ModelPackageGroupName: pkg.ModelPackageGroupName ?? '',
    ModelPackageGroupArn: groupArnOf(pkg),
    ...details(random),
    CreationTime: pkg.CreationTime - random.int(1, 30) * DAY_MS - random.int(0, 86_399) * 1000,
    ModelPackageGroupStatus: 'Completed',
  }));
}

function sharedRegistry(random: Random, ids: ScopeIds, count: number, anchor: number): SharedRegistry {
  const prefix = `arn:${partitionOf(ids.region)}:sagemaker:${ids.region}:${CENTRAL_REGISTRY_ACCOUNT}`;
  const names = SHARED_GROUPS.slice(0, count);
  const created = ascendingInstants(random, names.length, anchor - HISTORY_MS, anchor - 60 * DAY_MS, 0);
  const groups = names.map((name, index): ModelPackageGroupRecord => ({
    ModelPackageGroupName: name,
    ModelPackageGroupArn: `${prefix}:model-package-group/${name}`,
    ModelPackageGroupDescription: 'Shared from the central model registry',
    CreationTime: created[index] ?? anchor - HISTORY_MS,
    ModelPackageGroupStatus: 'Completed',
  }));
  const packages = groups.flatMap((group) =>
    ascendingInstants(random, random.int(3, 8), group.CreationTime + DAY_MS, anchor, 0).map(
      (time, index): ModelPackageRecord => ({
        ModelPackageName: group.ModelPackageGroupName,
        ModelPackageGroupName: group.ModelPackageGroupName,
        ModelPackageVersion: index + 1,
        ModelPackageArn: `${prefix}:model-package/${group.ModelPackageGroupName}/${index + 1}`,
        CreationTime: time,
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: index === 0 ? 'PendingManualApproval' : 'Approved',
        ModelPackageRegistrationType: 'Registered',
      }),
    ),
  );
  return { groups, packages };
}

/**
 * The model package groups of a generated catalog: every group its packages name, created before its first
 * package; groups without packages yet, covering every status; and groups shared in from a central registry.
 * Drawn from their own random stream, so adding them changed no image or package.
 */
export function generateModelPackageGroups(
  ids: ScopeIds,
  seed: number,
  scale: ModelPackageScale,
  packages: readonly ModelPackageRecord[],
  anchor: number,
): { groups: ModelPackageGroupRecord[]; shared: SharedRegistry } {
  const random = createRandom(seedFrom('model-package-groups', seed, ids.accountId, ids.region));
  const used = groupsOfPackages(random, packages);
  const emptyNames = groupNames(scale.groups + scale.emptyGroups).slice(scale.groups);
  const created = ascendingInstants(random, emptyNames.length, anchor - 365 * DAY_MS, anchor, 0.05);
  const prefix = `arn:${partitionOf(ids.region)}:sagemaker:${ids.region}:${ids.accountId}`;
  const empty = emptyNames.map((name, index): ModelPackageGroupRecord => ({
    ModelPackageGroupName: name,
    ModelPackageGroupArn: `${prefix}:model-package-group/${name}`,
    ...details(random),
    CreationTime: created[index] ?? anchor,
    ModelPackageGroupStatus: MODEL_PACKAGE_GROUP_STATUSES[index] ?? weighted(random, STATUS_WEIGHTS),
  }));
  return { groups: [...used, ...empty], shared: sharedRegistry(random, ids, scale.sharedGroups, anchor) };
}

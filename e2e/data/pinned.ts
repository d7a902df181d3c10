import type { AddedItems } from '../fixtures';

/**
 * Model packages of the first half of 2020, the same on every day and machine: the generated catalog covers
 * only the three years before today, so nothing else falls in this view, and the histogram drawn from it can be
 * compared with a picture.
 */
export const PINNED_START = Date.UTC(2020, 0, 1);
export const PINNED_END = Date.UTC(2020, 6, 1);
export const PINNED_VIEW = `created=${new Date(PINNED_START).toISOString()}/${new Date(PINNED_END).toISOString()}`;

const GROUPS = ['pinned-h1-alpha', 'pinned-h1-bravo', 'pinned-h1-charlie', 'pinned-h1-delta'] as const;
const APPROVALS = ['Approved', 'Approved', 'Rejected', 'PendingManualApproval', 'Approved'] as const;
const STATUSES = ['Completed', 'Completed', 'Completed', 'Failed', 'Completed', 'InProgress', 'Completed'] as const;
const COUNT = 120;

/** A fixed sequence in [0, 1) (a linear congruential generator), so the set never changes. */
function* sequence(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

/** The pinned set for an account in us-east-1, ready for `emulator.addItems`; adding it again changes nothing. */
export function pinnedPackages(account: string): AddedItems {
  const arn = (kind: string, rest: string) => `arn:aws:sagemaker:us-east-1:${account}:${kind}/${rest}`;
  const next = sequence(2020);
  const value = () => next.next().value as number;
  // Busier in spring, with a quiet fortnight in February, as a team's registrations are.
  const times = Array.from({ length: COUNT }, () => {
    const at = PINNED_START + Math.floor(value() ** 0.8 * (PINNED_END - PINNED_START));
    return at >= Date.UTC(2020, 1, 10) && at < Date.UTC(2020, 1, 24) ? at + 14 * 86_400_000 : at;
  }).sort((a, b) => a - b);
  const versions = new Map<string, number>();
  const packages = times.map((at, index) => {
    const pick = value();
    const status = STATUSES[index % STATUSES.length] ?? 'Completed';
    const created = at / 1000;
    if (pick < 0.3) {
      const name = `pinned-h1-loose-${index}`;
      return {
        ModelPackageName: name,
        ModelPackageArn: arn('model-package', name),
        CreationTime: created,
        ModelPackageStatus: status,
      };
    }
    const group = GROUPS[Math.floor(((pick - 0.3) / 0.7) * GROUPS.length)] ?? GROUPS[0];
    const version = (versions.get(group) ?? 0) + 1;
    versions.set(group, version);
    return {
      ModelPackageName: group,
      ModelPackageGroupName: group,
      ModelPackageVersion: version,
      ModelPackageArn: arn('model-package', `${group}/${version}`),
      CreationTime: created,
      ModelPackageStatus: status,
      ModelApprovalStatus: APPROVALS[Math.floor(value() * APPROVALS.length)] ?? 'Approved',
    };
  });
  return {
    region: 'us-east-1',
    ModelPackageGroups: GROUPS.map((name, index) => ({
      ModelPackageGroupName: name,
      ModelPackageGroupArn: arn('model-package-group', name),
      CreationTime: Date.UTC(2019, 11, 1 + index) / 1000,
      ModelPackageGroupStatus: 'Completed',
    })),
    ModelPackages: packages,
  };
}

import { arnPrefix } from './arn';
import { createRandom, seedFrom, weighted, type Random } from './random';
import { ascendingInstants, DAY_MS, HISTORY_MS, later } from './timeline';
import {
  IMAGE_STATUSES,
  IMAGE_VERSION_STATUSES,
  type ImageRecord,
  type ImageVersionRecord,
  type ScopeIds,
} from './types';
import { FRAMEWORKS, IMAGE_FAILURES, IMAGE_PURPOSES, IMAGE_VARIANTS, TEAMS, VERSION_FAILURES } from './vocabulary';

export interface ImageScale {
  images: number;
  largeImages: number;
  largeVersions: readonly [number, number];
  versions: readonly [number, number];
}

interface Candidate {
  name: string;
  displayName: string;
}

function candidates(): Candidate[] {
  const list: Candidate[] = [];
  for (const fw of FRAMEWORKS) {
    for (const version of fw.versions) {
      for (const variant of IMAGE_VARIANTS) {
        list.push({
          name: `${fw.slug}-${version}-${variant.slug}`,
          displayName: `${fw.label} ${version.replace('-', '.')} (${variant.label})`,
        });
      }
    }
    for (const team of TEAMS) {
      for (const variant of IMAGE_VARIANTS) {
        list.push({ name: `${team}-${fw.slug}-${variant.slug}`, displayName: `${team} ${fw.label} ${variant.label}` });
      }
    }
  }
  return list;
}

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) [items[i], items[j]] = [b, a];
  }
  return items;
}

const IMAGE_STATUS_WEIGHTS = IMAGE_STATUSES.map((s) => [s, s === 'CREATED' ? 80 : 3] as const);
const VERSION_STATUS_WEIGHTS = IMAGE_VERSION_STATUSES.map((s) => [s, s === 'CREATED' ? 90 : 2] as const);

function versionsOf(random: Random, image: ImageRecord, count: number, anchor: number, coverAll: boolean) {
  const times = ascendingInstants(random, count, image.CreationTime, anchor, 0.05);
  return times.map((created, index): ImageVersionRecord => {
    const version = index + 1;
    const status =
      coverAll && index < IMAGE_VERSION_STATUSES.length
        ? (IMAGE_VERSION_STATUSES[index] ?? 'CREATED')
        : weighted(random, VERSION_STATUS_WEIGHTS);
    return {
      ImageArn: image.ImageArn,
      ImageVersionArn: `${image.ImageArn.replace(':image/', ':image-version/')}/${version}`,
      ImageVersionStatus: status,
      ...(status.endsWith('FAILED') ? { FailureReason: random.pick(VERSION_FAILURES) } : {}),
      Version: version,
      CreationTime: created,
      LastModifiedTime: later(random, created, anchor, 2 * DAY_MS),
    };
  });
}

export function generateImages(ids: ScopeIds, seed: number, scale: ImageScale, anchor: number) {
  const random = createRandom(seedFrom('images', seed, ids.accountId, ids.region));
  const chosen = shuffled(random, candidates()).slice(0, scale.images);
  const images: ImageRecord[] = [];
  const versionsByImage = new Map<string, ImageVersionRecord[]>();
  const creationTimes = ascendingInstants(random, chosen.length, anchor - HISTORY_MS, anchor - DAY_MS, 0.08);
  chosen.forEach((candidate, index) => {
    const created = creationTimes[(index * 7919) % creationTimes.length] ?? anchor - HISTORY_MS;
    const status = IMAGE_STATUSES[index] ?? weighted(random, IMAGE_STATUS_WEIGHTS);
    const image: ImageRecord = {
      ImageName: candidate.name,
      ImageArn: `${arnPrefix(ids)}:image/${candidate.name}`,
      ...(random.chance(0.85) ? { DisplayName: candidate.displayName } : {}),
      ...(random.chance(0.75) ? { Description: random.pick(IMAGE_PURPOSES) } : {}),
      ImageStatus: status,
      ...(status.endsWith('FAILED') ? { FailureReason: random.pick(IMAGE_FAILURES) } : {}),
      CreationTime: created,
      LastModifiedTime: created,
    };
    const large = index >= IMAGE_STATUSES.length && index < IMAGE_STATUSES.length + scale.largeImages;
    const [min, max] = large ? scale.largeVersions : scale.versions;
    const count = status === 'CREATING' || status === 'CREATE_FAILED' ? 0 : random.int(min, max);
    const versions = versionsOf(random, image, count, anchor, large && index === IMAGE_STATUSES.length);
    const newest = versions[versions.length - 1];
    image.LastModifiedTime = newest
      ? Math.max(newest.LastModifiedTime, created)
      : later(random, created, anchor, 30 * DAY_MS);
    images.push(image);
    versionsByImage.set(image.ImageName, versions);
  });
  return { images, versionsByImage };
}

import { describe, expect, it } from 'vitest';
import { generateCatalog } from './catalog-provider';
import { catalogFromData, dataFileSchema } from './data-file';
import {
  IMAGE_STATUSES,
  IMAGE_VERSION_STATUSES,
  MODEL_APPROVAL_STATUSES,
  MODEL_PACKAGE_STATUSES,
  REGISTRATION_TYPES,
  type Catalog,
} from './types';

const NOW = Date.UTC(2026, 10, 24, 13, 15, 16);
const IDS = { accountId: '123456789012', region: 'us-east-1' };
const YEAR_MS = 365 * 86_400_000;

const seconds = (ms: number) => ms / 1000;
function asDataFile(catalog: Catalog) {
  return {
    Images: catalog.images.map((i) => ({
      ...i,
      CreationTime: seconds(i.CreationTime),
      LastModifiedTime: seconds(i.LastModifiedTime),
    })),
    ImageVersions: Object.fromEntries(
      [...catalog.versionsByImage].map(([name, versions]) => [
        name,
        versions.map((v) => ({
          ...v,
          CreationTime: seconds(v.CreationTime),
          LastModifiedTime: seconds(v.LastModifiedTime),
        })),
      ]),
    ),
    ModelPackages: catalog.modelPackages.map((p) => ({ ...p, CreationTime: seconds(p.CreationTime) })),
  };
}

describe('generated catalog', () => {
  const medium = generateCatalog(IDS, 42, 'medium', NOW);

  it('is deterministic per seed, account and region', () => {
    expect(generateCatalog(IDS, 42, 'medium', NOW)).toEqual(medium);
    expect(generateCatalog(IDS, 43, 'medium', NOW).images).not.toEqual(medium.images);
    expect(generateCatalog({ ...IDS, accountId: '210987654321' }, 42, 'medium', NOW).modelPackages).not.toEqual(
      medium.modelPackages,
    );
    const west = generateCatalog({ ...IDS, region: 'eu-west-1' }, 42, 'medium', NOW);
    expect(west.images.map((i) => i.ImageName)).not.toEqual(medium.images.map((i) => i.ImageName));
    expect(west.images[0]?.ImageArn).toMatch(/^arn:aws:sagemaker:eu-west-1:123456789012:image\//);
  });

  it('has the medium sizes', () => {
    const versionCounts = [...medium.versionsByImage.values()].map((v) => v.length);
    expect(medium.images.length).toBeGreaterThanOrEqual(150);
    expect(versionCounts.filter((n) => n >= 100).length).toBeGreaterThanOrEqual(2);
    expect(medium.modelPackages.length).toBeGreaterThanOrEqual(2000);
    expect(
      new Set(medium.modelPackages.map((p) => p.ModelPackageGroupName).filter(Boolean)).size,
    ).toBeGreaterThanOrEqual(25);
    expect(medium.modelPackages.filter((p) => p.ModelPackageGroupName === undefined).length).toBeGreaterThanOrEqual(
      100,
    );
  });

  it('generates the default scale quickly and the large scale with 20,000+ packages', () => {
    const started = performance.now();
    generateCatalog({ ...IDS, region: 'ap-south-1' }, 7, 'medium', NOW);
    expect(performance.now() - started).toBeLessThan(300);
    expect(generateCatalog(IDS, 42, 'large', NOW).modelPackages.length).toBeGreaterThanOrEqual(20_000);
    expect(generateCatalog(IDS, 42, 'small', NOW).images.length).toBeLessThan(100);
  });

  it('covers every status, approval, registration type and lifecycle', () => {
    const versions = [...medium.versionsByImage.values()].flat();
    expect(new Set(medium.images.map((i) => i.ImageStatus))).toEqual(new Set(IMAGE_STATUSES));
    expect(new Set(versions.map((v) => v.ImageVersionStatus))).toEqual(new Set(IMAGE_VERSION_STATUSES));
    expect(new Set(medium.modelPackages.map((p) => p.ModelPackageStatus))).toEqual(new Set(MODEL_PACKAGE_STATUSES));
    expect(new Set(medium.modelPackages.map((p) => p.ModelApprovalStatus).filter(Boolean))).toEqual(
      new Set(MODEL_APPROVAL_STATUSES),
    );
    expect(new Set(medium.modelPackages.map((p) => p.ModelPackageRegistrationType))).toEqual(
      new Set(REGISTRATION_TYPES),
    );
    expect(medium.modelPackages.some((p) => p.ModelLifeCycle?.Stage === 'Production')).toBe(true);
    for (const failed of [...medium.images, ...versions].filter((i) =>
      'ImageStatus' in i ? i.ImageStatus.endsWith('FAILED') : i.ImageVersionStatus.endsWith('FAILED'),
    )) {
      expect(failed.FailureReason).toBeTruthy();
    }
  });

  it('spreads times over about three years before now, with some in the same instant', () => {
    const times = medium.modelPackages.map((p) => p.CreationTime);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...times)).toBeLessThan(NOW - 2 * YEAR_MS);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 3.1 * YEAR_MS);
    expect(new Set(times).size).toBeLessThan(times.length);
  });

  it('gives versioned packages group ARNs and unversioned ones name ARNs', () => {
    const v = medium.modelPackages.find((p) => p.ModelPackageVersion !== undefined);
    const u = medium.modelPackages.find((p) => p.ModelPackageGroupName === undefined);
    expect(v?.ModelPackageArn).toBe(
      `arn:aws:sagemaker:us-east-1:123456789012:model-package/${v?.ModelPackageGroupName}/${v?.ModelPackageVersion}`,
    );
    expect(u?.ModelPackageArn).toBe(`arn:aws:sagemaker:us-east-1:123456789012:model-package/${u?.ModelPackageName}`);
    expect(u?.ModelPackageVersion).toBeUndefined();
  });

  it('satisfies every output constraint of the API shapes', () => {
    const result = dataFileSchema.safeParse(asDataFile(medium));
    expect(result.error?.issues.slice(0, 3) ?? []).toEqual([]);
  });
});

describe('data file', () => {
  const valid = {
    Images: [
      {
        ImageName: 'sklearn-inference',
        ImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/sklearn-inference',
        ImageStatus: 'CREATED',
        CreationTime: '2024-01-02T03:04:05.678Z',
        LastModifiedTime: 1704164645.5,
      },
    ],
    ImageVersions: { 'sklearn-inference': [] },
    ModelPackages: [
      {
        ModelPackageName: 'churn',
        ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn',
        ModelPackageDescription: 'Modèle — v3',
        CreationTime: 1700000000,
        ModelPackageStatus: 'Completed',
      },
    ],
  };

  it('loads items with ISO or epoch-second timestamps', () => {
    const catalog = catalogFromData(valid, 'test');
    expect(catalog.images[0]?.CreationTime).toBe(1704164645678);
    expect(catalog.images[0]?.LastModifiedTime).toBe(1704164645500);
    expect(catalog.modelPackages).toHaveLength(1);
  });

  it.each([
    [{ ...valid, Images: [{ ...valid.Images[0], ImageStatus: 'READY' }] }, 'Images[0].ImageStatus'],
    [{ ...valid, ImageVersions: { other: [] } }, 'ImageVersions.other'],
    [{ ...valid, Images: [{ ...valid.Images[0], CreationTime: 'yesterday' }] }, 'Images[0].CreationTime'],
    [
      { ...valid, ModelPackages: [{ ...valid.ModelPackages[0], ModelPackageDescription: 'bell \u0007' }] },
      'ModelPackageDescription',
    ],
    [{ ...valid, Extra: [] }, 'Extra'],
  ])('rejects an invalid file naming the bad field (%#)', (data, field) => {
    expect(() => catalogFromData(data, 'EMULATOR_DATA (x.json)')).toThrow(field);
  });
});

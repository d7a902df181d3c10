import { z } from 'zod';
import { imageDetails, imageVersionDetails, modelPackageDetails, modelPackageGroupDetails } from '../catalog/details';
import type { Catalog } from '../catalog/types';
import { resourceNotFound } from '../protocol/errors';
import { integer, parseInput, text } from '../protocol/validation';
import type { ListContext } from './list-engine';
import { toEpochSeconds } from './ordering';

export type DescribeHandler = (context: ListContext, body: Record<string, unknown>) => Record<string, unknown>;

const IMAGE_NAME = '[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}';
const ARN_PREFIX = '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?';
const ENTITY = '([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)';

/** Times in epoch ms become JSON numbers of epoch seconds, as on every AWS JSON wire. */
function onTheWire(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      /Time$/.test(key) && typeof value === 'number' ? toEpochSeconds(value) : value,
    ]),
  );
}

function describe<S extends z.ZodType>(
  input: S,
  find: (catalog: Catalog, query: z.output<S>) => Record<string, unknown> | undefined,
  missing: (query: z.output<S>) => string,
): DescribeHandler {
  return (context, body) => {
    const query = parseInput(input, body);
    const found = find(context.catalog, query);
    if (found === undefined) throw resourceNotFound(missing(query));
    return onTheWire(found);
  };
}

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

export const DESCRIBE_OPERATIONS: ReadonlyMap<string, DescribeHandler> = new Map([
  [
    'DescribeImage',
    describe(
      z.object({ ImageName: text({ min: 1, max: 63, pattern: IMAGE_NAME }) }),
      (catalog, { ImageName }) => {
        const image = catalog.imagesByName.get(ImageName);
        return image === undefined ? undefined : { ...image, ...imageDetails(image) };
      },
      ({ ImageName }) => `Image "${ImageName}" does not exist.`,
    ),
  ],
  [
    'DescribeImageVersion',
    describe(
      z.object({
        ImageName: text({ min: 1, max: 63, pattern: IMAGE_NAME }),
        Version: integer(0, 2_147_483_647).optional(),
        Alias: text({ min: 1, max: 128, pattern: '(?!^[.-])^([a-zA-Z0-9-_.]+)$' }).optional(),
      }),
      (catalog, { ImageName, Version }) => {
        const versions = catalog.versionsByImage.get(ImageName) ?? [];
        const version = Version === undefined ? versions.at(-1) : versions.find((v) => v.Version === Version);
        return version === undefined ? undefined : { ...version, ...imageVersionDetails(version) };
      },
      ({ ImageName, Version }) => `Image "${ImageName}" has no version ${Version ?? '(latest)'}.`,
    ),
  ],
  [
    'DescribeModelPackage',
    describe(
      z.object({ ModelPackageName: text({ min: 1, max: 176, pattern: `${ARN_PREFIX}${ENTITY}(\\/[0-9]{1,9})?` }) }),
      (catalog, { ModelPackageName: name }) => {
        const pkg = [...catalog.modelPackages, ...catalog.shared.packages].find(
          (p) =>
            same(p.ModelPackageArn, name) ||
            (p.ModelPackageGroupName === undefined && same(p.ModelPackageName, name)) ||
            same(`${p.ModelPackageGroupName ?? ''}/${p.ModelPackageVersion ?? ''}`, name),
        );
        return pkg === undefined ? undefined : { ...pkg, ...modelPackageDetails(pkg) };
      },
      ({ ModelPackageName }) => `Model package "${ModelPackageName}" does not exist.`,
    ),
  ],
  [
    'DescribeModelPackageGroup',
    describe(
      z.object({ ModelPackageGroupName: text({ min: 1, max: 170, pattern: `${ARN_PREFIX}${ENTITY}` }) }),
      (catalog, { ModelPackageGroupName: name }) => {
        const group = [...catalog.modelPackageGroups, ...catalog.shared.groups].find(
          (g) => same(g.ModelPackageGroupArn, name) || same(g.ModelPackageGroupName, name),
        );
        return group === undefined ? undefined : { ...group, ...modelPackageGroupDetails(group) };
      },
      ({ ModelPackageGroupName }) => `Model package group "${ModelPackageGroupName}" does not exist.`,
    ),
  ],
]);

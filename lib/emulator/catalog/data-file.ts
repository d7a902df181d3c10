import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  buildCatalog,
  IMAGE_STATUSES,
  IMAGE_VERSION_STATUSES,
  groupArnOf,
  MODEL_APPROVAL_STATUSES,
  MODEL_PACKAGE_GROUP_STATUSES,
  MODEL_PACKAGE_STATUSES,
  REGISTRATION_TYPES,
  type Catalog,
  type ModelPackageGroupRecord,
  type ModelPackageRecord,
} from './types';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const TIMESTAMP_HINT = 'must be epoch seconds or an ISO 8601 time with a zone, e.g. 2024-01-31T12:00:00Z';
const timestamp = z.union(
  [
    z
      .number()
      .finite()
      .transform((seconds) => Math.round(seconds * 1000)),
    z
      .string()
      .regex(ISO_WITH_ZONE, TIMESTAMP_HINT)
      .transform((iso) => Date.parse(iso)),
  ],
  { error: TIMESTAMP_HINT },
);

const text = z.string().min(1);
const matching = (pattern: string, flags = '') =>
  z.string().regex(new RegExp(`^(?:${pattern})$`, flags), `must match ${pattern}`);

const IMAGE_NAME = matching('[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}').max(63);
const ENTITY_NAME = matching('[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}').max(63);
/** ModelPackageDescription uses Unicode property classes, which need the `u` flag in JavaScript. */
const DESCRIPTION = matching('[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*', 'u').max(1024);

const image = z.strictObject({
  ImageName: IMAGE_NAME,
  ImageArn: matching('arn:aws(-[\\w]+)*:sagemaker:.+:[0-9]{12}:image/[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*').max(256),
  DisplayName: matching('\\S(.*\\S)?').max(128).optional(),
  Description: text.max(512).optional(),
  ImageStatus: z.enum(IMAGE_STATUSES),
  FailureReason: z.string().max(1024).optional(),
  CreationTime: timestamp,
  LastModifiedTime: timestamp,
});

const imageVersion = z.strictObject({
  ImageArn: text,
  ImageVersionArn: matching(
    'arn:aws(-[\\w]+)*:sagemaker:.+:[0-9]{12}:image-version/[a-z0-9]([-.]?[a-z0-9])*/[0-9]+',
  ).max(256),
  ImageVersionStatus: z.enum(IMAGE_VERSION_STATUSES),
  FailureReason: z.string().optional(),
  Version: z.number().int().min(0),
  CreationTime: timestamp,
  LastModifiedTime: timestamp,
});

const modelPackage = z.strictObject({
  ModelPackageName: ENTITY_NAME.optional(),
  ModelPackageGroupName: ENTITY_NAME.optional(),
  ModelPackageVersion: z.number().int().min(1).optional(),
  ModelPackageArn: matching('arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}'),
  ModelPackageDescription: DESCRIPTION.optional(),
  CreationTime: timestamp,
  ModelPackageStatus: z.enum(MODEL_PACKAGE_STATUSES),
  ModelApprovalStatus: z.enum(MODEL_APPROVAL_STATUSES).optional(),
  ModelLifeCycle: z
    .strictObject({ Stage: ENTITY_NAME, StageStatus: ENTITY_NAME, StageDescription: z.string().max(1024).optional() })
    .optional(),
  ModelPackageRegistrationType: z.enum(REGISTRATION_TYPES).optional(),
});

const modelPackageGroup = z.strictObject({
  ModelPackageGroupName: ENTITY_NAME,
  ModelPackageGroupArn: matching(
    'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package-group/[\\S]{1,2048}',
  ),
  ModelPackageGroupDescription: DESCRIPTION.optional(),
  CreationTime: timestamp,
  ModelPackageGroupStatus: z.enum(MODEL_PACKAGE_GROUP_STATUSES),
});

export const dataFileSchema = z
  .strictObject({
    Images: z.array(image).default([]),
    ImageVersions: z.record(z.string(), z.array(imageVersion)).default({}),
    ModelPackages: z.array(modelPackage).default([]),
    ModelPackageGroups: z.array(modelPackageGroup).optional(),
    SharedModelPackageGroups: z.array(modelPackageGroup).default([]),
    SharedModelPackages: z.array(modelPackage).default([]),
  })
  .superRefine((data, ctx) => {
    const names = new Set(data.Images.map((i) => i.ImageName));
    for (const name of Object.keys(data.ImageVersions)) {
      if (!names.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['ImageVersions', name], message: `no image named "${name}" in Images` });
      }
    }
    const checkGroups = (
      key: 'ModelPackages' | 'SharedModelPackages',
      groups: readonly { ModelPackageGroupName: string }[],
    ) => {
      const known = new Set(groups.map((group) => group.ModelPackageGroupName.toLowerCase()));
      data[key].forEach((pkg, index) => {
        const group = pkg.ModelPackageGroupName;
        if (group !== undefined && !known.has(group.toLowerCase())) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'ModelPackageGroupName'],
            message: `no group named "${group}"`,
          });
        }
      });
    };
    if (data.ModelPackageGroups !== undefined) checkGroups('ModelPackages', data.ModelPackageGroups);
    checkGroups('SharedModelPackages', data.SharedModelPackageGroups);
  });

/** Without a ModelPackageGroups key, the groups are the ones the versioned packages name. */
function groupsOf(packages: readonly ModelPackageRecord[]): ModelPackageGroupRecord[] {
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
    CreationTime: pkg.CreationTime,
    ModelPackageGroupStatus: 'Completed',
  }));
}

export type DataFile = z.input<typeof dataFileSchema>;

/** Items to add to a running catalog, in the data file's shapes (`POST /_emulator/items`). */
export const addedItemsSchema = z.strictObject({
  Images: z.array(image).default([]),
  ImageVersions: z.record(z.string(), z.array(imageVersion)).default({}),
  ModelPackages: z.array(modelPackage).default([]),
  ModelPackageGroups: z.array(modelPackageGroup).default([]),
});

/**
 * Puts each item in place of one with the same identity, or after the rest: adding the same item twice keeps one.
 * Says whether the list changed.
 */
function upsert<T>(list: T[], added: readonly T[], identity: (item: T) => string): boolean {
  const at = new Map(list.map((item, index) => [identity(item), index]));
  let changed = false;
  for (const item of added) {
    const index = at.get(identity(item));
    if (index === undefined) {
      at.set(identity(item), list.length);
      list.push(item);
      changed = true;
    } else if (JSON.stringify(list[index]) !== JSON.stringify(item)) {
      list[index] = item;
      changed = true;
    }
  }
  return changed;
}

/** Adds items to a running catalog; sorted views are rebuilt (a new revision) only when something changed. */
export function addItems(catalog: Catalog, items: z.output<typeof addedItemsSchema>): void {
  let changed = upsert(catalog.images, items.Images, (image) => image.ImageName);
  for (const added of items.Images) catalog.imagesByName.set(added.ImageName, added);
  for (const [name, versions] of Object.entries(items.ImageVersions)) {
    const list = [...(catalog.versionsByImage.get(name) ?? [])];
    if (upsert(list, versions, (version) => String(version.Version))) changed = true;
    catalog.versionsByImage.set(name, list);
  }
  if (upsert(catalog.modelPackages, items.ModelPackages, (pkg) => pkg.ModelPackageArn)) changed = true;
  const groupName = (group: ModelPackageGroupRecord) => group.ModelPackageGroupName.toLowerCase();
  if (upsert(catalog.modelPackageGroups, items.ModelPackageGroups, groupName)) changed = true;
  if (changed) catalog.revision += 1;
}

export function catalogFromData(data: unknown, source: string): Catalog {
  const parsed = dataFileSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(`${source} is not a valid emulator data file:\n${z.prettifyError(parsed.error)}`);
  const { Images, ImageVersions, ModelPackages, ModelPackageGroups, SharedModelPackageGroups, SharedModelPackages } =
    parsed.data;
  return buildCatalog({
    images: Images,
    versionsByImage: new Map(Object.entries(ImageVersions)),
    modelPackages: ModelPackages,
    modelPackageGroups: ModelPackageGroups ?? groupsOf(ModelPackages),
    shared: { groups: SharedModelPackageGroups, packages: SharedModelPackages },
  });
}

export function catalogFromFile(path: string): Catalog {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`EMULATOR_DATA: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`EMULATOR_DATA: ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return catalogFromData(json, `EMULATOR_DATA (${path})`);
}

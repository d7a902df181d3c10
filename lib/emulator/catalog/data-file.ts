import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  buildCatalog,
  IMAGE_STATUSES,
  IMAGE_VERSION_STATUSES,
  MODEL_APPROVAL_STATUSES,
  MODEL_PACKAGE_STATUSES,
  REGISTRATION_TYPES,
  type Catalog,
} from './types';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const timestamp = z.union([
  z.number().finite().transform((seconds) => Math.round(seconds * 1000)),
  z
    .string()
    .regex(ISO_WITH_ZONE, 'must be epoch seconds or an ISO 8601 time with a zone, e.g. 2024-01-31T12:00:00Z')
    .transform((iso) => Date.parse(iso)),
]);

const text = z.string().min(1);

const image = z.strictObject({
  ImageName: text.max(63),
  ImageArn: text,
  DisplayName: text.optional(),
  Description: text.optional(),
  ImageStatus: z.enum(IMAGE_STATUSES),
  FailureReason: z.string().optional(),
  CreationTime: timestamp,
  LastModifiedTime: timestamp,
});

const imageVersion = z.strictObject({
  ImageArn: text,
  ImageVersionArn: text,
  ImageVersionStatus: z.enum(IMAGE_VERSION_STATUSES),
  FailureReason: z.string().optional(),
  Version: z.number().int().min(0),
  CreationTime: timestamp,
  LastModifiedTime: timestamp,
});

const modelPackage = z.strictObject({
  ModelPackageName: text.optional(),
  ModelPackageGroupName: text.optional(),
  ModelPackageVersion: z.number().int().min(1).optional(),
  ModelPackageArn: text,
  ModelPackageDescription: z.string().optional(),
  CreationTime: timestamp,
  ModelPackageStatus: z.enum(MODEL_PACKAGE_STATUSES),
  ModelApprovalStatus: z.enum(MODEL_APPROVAL_STATUSES).optional(),
  ModelLifeCycle: z
    .strictObject({ Stage: text, StageStatus: text, StageDescription: z.string().optional() })
    .optional(),
  ModelPackageRegistrationType: z.enum(REGISTRATION_TYPES).optional(),
});

export const dataFileSchema = z
  .strictObject({
    Images: z.array(image).default([]),
    ImageVersions: z.record(z.string(), z.array(imageVersion)).default({}),
    ModelPackages: z.array(modelPackage).default([]),
  })
  .superRefine((data, ctx) => {
    const names = new Set(data.Images.map((i) => i.ImageName));
    for (const name of Object.keys(data.ImageVersions)) {
      if (!names.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['ImageVersions', name], message: `no image named "${name}" in Images` });
      }
    }
  });

export type DataFile = z.input<typeof dataFileSchema>;

export function catalogFromData(data: unknown, source: string): Catalog {
  const parsed = dataFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source} is not a valid emulator data file:\n${z.prettifyError(parsed.error)}`);
  const { Images, ImageVersions, ModelPackages } = parsed.data;
  return buildCatalog(Images, new Map(Object.entries(ImageVersions)), ModelPackages);
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

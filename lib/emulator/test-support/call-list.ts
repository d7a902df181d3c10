import {
  buildCatalog,
  type Catalog,
  type ImageRecord,
  type ImageVersionRecord,
  type ModelPackageRecord,
} from '../catalog/types';
import { createListHandler, type PagingMode } from '../operations/list-engine';
import { listImageVersions } from '../operations/list-image-versions';
import { listImages } from '../operations/list-images';
import { listModelPackages } from '../operations/list-model-packages';
import { NextTokenCodec } from '../protocol/next-token';
import { requestObject } from '../protocol/validation';

export const handlers = {
  ListImages: createListHandler(listImages),
  ListImageVersions: createListHandler(listImageVersions),
  ListModelPackages: createListHandler(listModelPackages),
};

export function catalogOf(parts: {
  images?: ImageRecord[];
  versions?: Record<string, ImageVersionRecord[]>;
  packages?: ModelPackageRecord[];
}): Catalog {
  return buildCatalog(parts.images ?? [], new Map(Object.entries(parts.versions ?? {})), parts.packages ?? []);
}

/** Calls one operation in-process, the way the server does after SigV4 and JSON parsing. */
export function lister(catalog: Catalog, paging: PagingMode = 'exact') {
  const tokens = new NextTokenCodec();
  const ids = { accountId: '123456789012', region: 'us-east-1' };
  return (operation: keyof typeof handlers, body: Record<string, unknown> = {}) =>
    handlers[operation]({ catalog, ids, tokens, paging }, requestObject(body));
}

import {
  buildCatalog,
  type Catalog,
  type ImageRecord,
  type ImageVersionRecord,
  type ModelPackageGroupRecord,
  type ModelPackageRecord,
} from '../catalog/types';
import type { PagingMode } from '../operations/list-engine';
import { OPERATIONS } from '../operations/registry';
import { NextTokenCodec } from '../protocol/next-token';
import { requestObject } from '../protocol/validation';

export function catalogOf(parts: {
  images?: ImageRecord[];
  versions?: Record<string, ImageVersionRecord[]>;
  packages?: ModelPackageRecord[];
  groups?: ModelPackageGroupRecord[];
  shared?: { groups: ModelPackageGroupRecord[]; packages: ModelPackageRecord[] };
}): Catalog {
  return buildCatalog({
    images: parts.images ?? [],
    versionsByImage: new Map(Object.entries(parts.versions ?? {})),
    modelPackages: parts.packages ?? [],
    modelPackageGroups: parts.groups ?? [],
    shared: parts.shared ?? { groups: [], packages: [] },
  });
}

/** Calls one operation in-process, the way the server does after SigV4 and JSON parsing. */
export function lister(catalog: Catalog, paging: PagingMode = 'exact') {
  const tokens = new NextTokenCodec();
  const ids = { accountId: '123456789012', region: 'us-east-1' };
  return (operation: string, body: Record<string, unknown> = {}) => {
    const handler = OPERATIONS.get(operation);
    if (handler === undefined) throw new Error(`the emulator has no ${operation}`);
    return handler({ catalog, ids, tokens, paging }, requestObject(body));
  };
}

import 'server-only';
import type * as z from 'zod/mini';
import type { SageMakerBackend } from './client';
import { toJsonShape } from './to-row';

export type { SageMakerBackend };

export interface PageRequest<Query, Path> {
  /** The validated query without MaxResults and NextToken. */
  query: Omit<Query, 'MaxResults' | 'NextToken'>;
  path: Path;
  maxResults: number;
  nextToken: string | undefined;
  /** Aborts the call, waiting or in flight, once nobody wants its answer. */
  signal?: AbortSignal;
}

export interface UpstreamPage<Row> {
  items: Row[];
  nextToken: string | undefined;
  requestId: string | undefined;
}

export interface ListAdapter<Query, Path, Row> {
  /** The page size the API uses when MaxResults is absent. */
  defaultPageSize: number;
  listPage(backend: SageMakerBackend, request: PageRequest<Query, Path>): Promise<UpstreamPage<Row>>;
}

export class UpstreamShapeError extends Error {
  override readonly name = 'UpstreamShapeError';
}

interface RawOutput {
  NextToken?: string;
  $metadata: { requestId?: string };
}

/** Maps SDK summaries to rows checked against the resource's row schema. */
export function toPage<Row>(
  row: z.ZodMiniType<Row>,
  summaries: readonly unknown[] | undefined,
  output: RawOutput,
): UpstreamPage<Row> {
  const items = (summaries ?? []).map((summary, index) => {
    const parsed = row.safeParse(toJsonShape(summary));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new UpstreamShapeError(
      `item ${index} of the upstream page: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  });
  return { items, nextToken: output.NextToken || undefined, requestId: output.$metadata.requestId };
}

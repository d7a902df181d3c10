import 'server-only';
import * as sdk from '@aws-sdk/client-sagemaker';
import { z } from 'zod';
import type { SageMakerBackend } from './client';
import { toJsonShape } from './to-row';

/** The page size every list API uses when MaxResults is absent (documented for the image APIs, 10 for all). */
export const API_DEFAULT_PAGE_SIZE = 10;

/** What a spec says about its list API; the rest is the same for every list API. */
export interface ListOperationSpec<Row> {
  operation: string;
  resultKey: string;
  row: z.core.$ZodType<Row>;
}

export interface PageRequest<Query, Path> {
  /** The validated query without MaxResults and NextToken. */
  query: Omit<Query, 'MaxResults' | 'NextToken'>;
  path: Path;
  maxResults: number;
  nextToken: string | undefined;
  /** Aborts the call, waiting or in flight, once nobody wants its answer. */
  signal?: AbortSignal;
  /** The lane to wait in; the operation's own by default. */
  lane?: string;
}

export interface UpstreamPage<Row> {
  items: Row[];
  nextToken: string | undefined;
  requestId: string | undefined;
}

export class UpstreamShapeError extends Error {
  override readonly name = 'UpstreamShapeError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'UpstreamShapeError';
  }
}

type SendableCommand = Parameters<sdk.SageMakerClient['send']>[0];
type CommandClass = new (input: Record<string, unknown>) => SendableCommand;

function isCommandClass(value: unknown): value is CommandClass {
  return typeof value === 'function';
}

/** The SDK's command class for an operation, found by its name: `ListImages` is `ListImagesCommand`. */
export function commandClass(operation: string): CommandClass {
  const found: unknown = Reflect.get(sdk, `${operation}Command`);
  if (!isCommandClass(found)) throw new Error(`@aws-sdk/client-sagemaker has no ${operation}Command`);
  return found;
}

const envelope = z.object({
  NextToken: z.string().optional(),
  $metadata: z.object({ requestId: z.string().optional() }),
});

/**
 * One upstream page of any list API: the query and the path parameters are the API's own members, so they
 * go out as they are; the items under the spec's result key are mapped to rows checked against its schema.
 */
export async function listPage<Query, Path extends object, Row>(
  spec: ListOperationSpec<Row>,
  backend: SageMakerBackend,
  { query, path, maxResults, nextToken, signal, lane = spec.operation }: PageRequest<Query, Path>,
): Promise<UpstreamPage<Row>> {
  const Command = commandClass(spec.operation);
  const input = { ...query, ...path, MaxResults: maxResults, NextToken: nextToken };
  const output: unknown = await backend.run(lane, signal, (abortSignal) =>
    backend.client.send(new Command(input), { abortSignal }),
  );
  const { NextToken, $metadata } = envelope.parse(output);
  const summaries: unknown = Reflect.get(Object(output), spec.resultKey);
  if (!Array.isArray(summaries)) throw new UpstreamShapeError(`the upstream page has no ${spec.resultKey} list`);
  const items = summaries.map((summary: unknown, index) => {
    const parsed = z.safeParse(spec.row, toJsonShape(summary));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new UpstreamShapeError(
      `item ${index} of the upstream page: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  });
  return { items, nextToken: NextToken || undefined, requestId: $metadata.requestId };
}

import 'server-only';
import type { SageMakerBackend } from './client';
import { commandClass } from './list-operation';
import { toJsonShape } from './to-row';

/** Never passed on, whatever a spec lists: a model card's content may be decrypted for the caller. */
const WITHHELD = new Set(['ModelCard', '$metadata']);

export interface DescribeRequest {
  operation: string;
  input: Record<string, unknown>;
  /** The members to keep; everything else the API answers is dropped. */
  fields: readonly string[];
  signal?: AbortSignal;
}

/** One Describe call of any kind, in its operation's lane; the answer keeps only the listed members. */
export async function describe(
  backend: SageMakerBackend,
  { operation, input, fields, signal }: DescribeRequest,
): Promise<{ item: Record<string, unknown>; requestId: string | undefined }> {
  const Command = commandClass(operation);
  const output: unknown = await backend.run(operation, signal, (abortSignal) =>
    backend.client.send(new Command(input), { abortSignal }),
  );
  const shaped = toJsonShape(output);
  const item: Record<string, unknown> = {};
  if (typeof shaped === 'object' && shaped !== null && !Array.isArray(shaped)) {
    for (const field of fields) if (!WITHHELD.has(field) && shaped[field] !== undefined) item[field] = shaped[field];
  }
  const metadata: unknown = Reflect.get(Object(output), '$metadata');
  const requestId: unknown =
    typeof metadata === 'object' && metadata !== null ? Reflect.get(metadata, 'requestId') : undefined;
  return { item, requestId: typeof requestId === 'string' ? requestId : undefined };
}

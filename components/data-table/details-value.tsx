'use client';

import { CopyableText } from '@/components/ui/copyable-text';
import { Timestamp } from './timestamp';

const COPYABLE = /^(arn:|s3:\/\/|https?:\/\/|\d{12}\.dkr\.ecr\.|sha256:)/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const WORDS = /[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]\d+|[A-Z]?[a-z]+|\d+|[A-Z]+/g;
const ACRONYMS: Readonly<Record<string, string>> = { uri: 'URI', url: 'URL', arn: 'ARN', id: 'ID', mime: 'MIME' };

/** An API member name in words: `BaseImage` is "Base image", `S3Uri` "S3 URI", `MLFramework` "ML framework". */
export function humanize(member: string): string {
  const words = member.match(WORDS) ?? [member];
  return words
    .map((word, index) => {
      const known = ACRONYMS[word.toLowerCase()];
      if (known !== undefined) return known;
      if (/^[A-Z0-9]{2,}$/.test(word)) return word;
      return index === 0 ? word : word.toLowerCase();
    })
    .join(' ');
}

const muted = <span className="text-zinc-500 dark:text-zinc-400">–</span>;

/** Any value a Describe call answers, in full: text wraps, ARNs and URIs copy, objects and lists nest. */
export function DetailsValue({ value, name }: { value: unknown; name: string }) {
  if (value === null || value === undefined || value === '') return muted;
  if (typeof value === 'boolean') return <span>{value ? 'Yes' : 'No'}</span>;
  if (typeof value === 'number') return <span className="tabular-nums">{value}</span>;
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) return <Timestamp value={value} mode="exact" />;
    if (COPYABLE.test(value)) return <CopyableText text={value} what={name} />;
    return <span className="whitespace-pre-wrap [overflow-wrap:anywhere]">{value}</span>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return muted;
    return (
      <ol className="flex list-decimal flex-col gap-1 pl-4">
        {value.map((item: unknown, index) => (
          <li key={index}>
            <DetailsValue value={item} name={name} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return muted;
    return (
      <dl className="flex min-w-0 flex-col gap-1 border-l border-zinc-200 pl-2 dark:border-zinc-700">
        {entries.map(([key, member]) => (
          <div
            key={key}
            className={`flex min-w-0 gap-x-2 ${typeof member === 'object' && member !== null ? 'flex-col' : 'flex-wrap items-baseline'}`}
          >
            <dt className="text-zinc-600 dark:text-zinc-400">{humanize(key)}</dt>
            <dd className="min-w-0 max-w-full">
              <DetailsValue value={member} name={humanize(key)} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}

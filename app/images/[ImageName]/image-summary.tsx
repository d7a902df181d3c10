import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ImageRow } from '@/lib/resources/images';

const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="truncate text-xs">{children}</dd>
    </div>
  );
}

export function ImageSummary({ image }: { image: ImageRow }) {
  return (
    <dl
      data-testid="image-summary"
      className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-md border border-zinc-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <Field label="Display name">{image.DisplayName ?? '–'}</Field>
      <Field label="Status">
        <StatusBadge value={image.ImageStatus} />
        {image.FailureReason !== undefined && (
          <span className="ml-2 text-red-700 dark:text-red-300">{image.FailureReason}</span>
        )}
      </Field>
      <Field label="Created">
        <time dateTime={image.CreationTime}>{utc.format(new Date(image.CreationTime))} UTC</time>
      </Field>
      <Field label="Last modified">
        <time dateTime={image.LastModifiedTime}>{utc.format(new Date(image.LastModifiedTime))} UTC</time>
      </Field>
      <Field label="ARN">
        <span className="font-mono text-[11px]" title={image.ImageArn}>
          {image.ImageArn}
        </span>
      </Field>
      <Field label="Description">{image.Description ?? '–'}</Field>
    </dl>
  );
}

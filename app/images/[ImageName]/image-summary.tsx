import type { ReactNode } from 'react';
import { Timestamp } from '@/components/data-table/timestamp';
import { CopyableText } from '@/components/ui/copyable-text';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ImageRow } from '@/lib/resources/images';

function Field({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${wide ? 'sm:col-span-2 lg:col-span-4' : ''}`}>
      <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-xs [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** Every field of the image, in full: long values wrap, names and ARNs copy, times follow the table's zone. */
export function ImageSummary({ image }: { image: ImageRow }) {
  return (
    <dl
      data-testid="image-summary"
      className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <Field label="Name">
        <CopyableText text={image.ImageName} what="name" />
      </Field>
      <Field label="Display name">{image.DisplayName ?? '–'}</Field>
      <Field label="Status">
        <StatusBadge value={image.ImageStatus} />
        {image.FailureReason !== undefined && (
          <span className="ml-2 text-red-700 dark:text-red-300">{image.FailureReason}</span>
        )}
      </Field>
      <Field label="Created">
        <Timestamp value={image.CreationTime} mode="exact" />
      </Field>
      <Field label="Last modified">
        <Timestamp value={image.LastModifiedTime} mode="exact" />
      </Field>
      <Field label="ARN" wide>
        <CopyableText text={image.ImageArn} what="ARN" />
      </Field>
      <Field label="Description" wide>
        {image.Description ?? '–'}
      </Field>
    </dl>
  );
}

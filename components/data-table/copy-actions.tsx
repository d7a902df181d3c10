'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { CopyIcon } from '@/components/ui/icons';
import { buttonClass } from '@/components/ui/styles';
import { cliCommand } from '@/lib/resources/derive';
import type { ResourceSpec } from '@/lib/resources/types';
import { rangeApiParams, staticApiParams, type ApiParams } from '@/lib/url/api-query';
import { awsCliCommand, cliQuery, type CliTarget } from '@/lib/url/cli-command';
import { listValue, type ViewValues } from '@/lib/url/view';

interface CopyActionsProps {
  spec: ResourceSpec;
  path: Record<string, string>;
  values: ViewValues;
  target: CliTarget;
  resolvedRanges: ApiParams | undefined;
}

/** The command lists what the table shows: the same API parameters, the filters the browser applies as --query. */
export function CopyActions({ spec, path, values, target, resolvedRanges }: CopyActionsProps) {
  const command = () => {
    const browserFilters = spec.filters.flatMap((filter) =>
      filter.kind === 'multiEnum' ? [{ field: filter.field, values: listValue(values, filter.id) }] : [],
    );
    return awsCliCommand(
      cliCommand(spec),
      { ...path, ...staticApiParams(spec, values), ...(resolvedRanges ?? rangeApiParams(spec, values, Date.now())) },
      target,
      cliQuery(spec.resultKey, browserFilters),
    );
  };
  return (
    <>
      <CopyButton text={() => window.location.href} label="Copy link to this view" className={buttonClass}>
        <CopyIcon /> Copy link
      </CopyButton>
      <CopyButton text={command} label="Copy as AWS CLI command" className={buttonClass}>
        <CopyIcon /> AWS CLI
      </CopyButton>
    </>
  );
}

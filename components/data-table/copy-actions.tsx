'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { CopyIcon } from '@/components/ui/icons';
import { buttonClass } from '@/components/ui/styles';
import { cliCommand } from '@/lib/resources/derive';
import type { ResourceSpec } from '@/lib/resources/types';
import { rangeApiParams, staticApiParams, type ApiParams } from '@/lib/url/api-query';
import { awsCliCommand, awsCliCommandPerSource, cliQuery, type CliTarget } from '@/lib/url/cli-command';
import type { SelectedSource } from '@/lib/url/sources';
import { listValue, type ViewValues } from '@/lib/url/view';

interface CopyActionsProps {
  spec: ResourceSpec;
  path: Record<string, string>;
  values: ViewValues;
  target: CliTarget;
  resolvedRanges: ApiParams | undefined;
  /** With several sources, the ones the view lists: one command each. */
  sources: readonly SelectedSource[] | undefined;
}

/** The command lists what the table shows: the same API parameters, the filters the browser applies as --query. */
export function CopyActions({ spec, path, values, target, resolvedRanges, sources }: CopyActionsProps) {
  const command = () => {
    const browserFilters = spec.filters.flatMap((filter) =>
      filter.kind === 'multiEnum' ? [{ field: filter.field, values: listValue(values, filter.id) }] : [],
    );
    const params = {
      ...path,
      ...staticApiParams(spec, values),
      ...(resolvedRanges ?? rangeApiParams(spec, values, Date.now())),
    };
    const query = cliQuery(spec.resultKey, browserFilters);
    if (sources === undefined) return awsCliCommand(cliCommand(spec), params, target, query);
    return awsCliCommandPerSource(cliCommand(spec), params, target, sources, query);
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

'use client';

import { useSearchParams } from 'next/navigation';
import { createParser, useQueryStates, type SingleParserBuilder } from 'nuqs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ResourceSpec } from '@/lib/resources/types';
import { viewCodecs, type ParamValue } from '@/lib/url/codecs';
import type { SourceChoices } from '@/lib/url/sources';
import { readView, type UrlIssue, type ViewValues } from '@/lib/url/view';

export type SetView = (patch: Record<string, ParamValue | null>, options?: { history: 'push' | 'replace' }) => void;

function specParsers(spec: ResourceSpec, sources: SourceChoices): Record<string, SingleParserBuilder<ParamValue>> {
  return Object.fromEntries(
    Object.entries(viewCodecs(spec, sources)).map(([param, codec]) => [
      param,
      createParser<ParamValue>({
        parse: codec.parse,
        serialize: codec.serialize,
        eq: (a, b) => codec.serialize(a) === codec.serialize(b),
      }),
    ]),
  );
}

/**
 * The page's view (filters, sort, the open details panel, auto-refresh) in the URL through nuqs; a change is a
 * history entry unless it asks to replace the current one. A bad value in a link is reported once and dropped
 * from the URL in place, so copying the link shares the view as shown; the report stays until the view changes.
 */
export function useViewState(spec: ResourceSpec, sources: SourceChoices) {
  const parsers = useMemo(() => specParsers(spec, sources), [spec, sources]);
  const [values, setValues] = useQueryStates(parsers, { history: 'push', scroll: false });
  const searchParams = useSearchParams();
  const read = useMemo(
    () => readView(spec, (param) => searchParams.get(param), sources),
    [spec, searchParams, sources],
  );
  const found = read.issues;
  const { rewrites } = read;
  const [reported, setReported] = useState<UrlIssue[]>(found);
  const [seen, setSeen] = useState(found);
  if (found !== seen) {
    setSeen(found);
    if (found.length > 0) setReported(found);
  }
  useEffect(() => {
    const dropped = Object.fromEntries(found.map((issue) => [issue.param, null]));
    const patch = { ...dropped, ...rewrites };
    if (Object.keys(patch).length === 0) return;
    void setValues(patch, { history: 'replace' });
  }, [found, rewrites, setValues]);
  const setView = useCallback<SetView>(
    (patch, options) => {
      setReported([]);
      void setValues(patch, options);
    },
    [setValues],
  );
  const view: ViewValues = values;
  return { values: view, issues: reported, setView };
}

'use client';

import { useSearchParams } from 'next/navigation';
import { createParser, useQueryStates, type SingleParserBuilder } from 'nuqs';
import { useCallback, useMemo } from 'react';
import type { ResourceSpec } from '@/lib/resources/types';
import { viewCodecs, type ParamValue } from '@/lib/url/codecs';
import { readView, type ViewValues } from '@/lib/url/view';

export type SetView = (patch: Record<string, ParamValue | null>) => void;

function specParsers(spec: ResourceSpec): Record<string, SingleParserBuilder<ParamValue>> {
  return Object.fromEntries(
    Object.entries(viewCodecs(spec)).map(([param, codec]) => [
      param,
      createParser<ParamValue>({
        parse: codec.parse,
        serialize: codec.serialize,
        eq: (a, b) => codec.serialize(a) === codec.serialize(b),
      }),
    ]),
  );
}

/** The page's view (filters, sort) in the URL through nuqs; every change is a history entry. */
export function useViewState(spec: ResourceSpec) {
  const parsers = useMemo(() => specParsers(spec), [spec]);
  const [values, setValues] = useQueryStates(parsers, { history: 'push', scroll: false });
  const searchParams = useSearchParams();
  const issues = useMemo(() => readView(spec, (param) => searchParams.get(param)).issues, [spec, searchParams]);
  const setView = useCallback<SetView>((patch) => void setValues(patch), [setValues]);
  const view: ViewValues = values;
  return { values: view, issues, setView };
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { inputClass } from '@/components/ui/styles';
import { suggestionsQuery, type SuggestionSource } from '@/lib/query/suggestions';
import { textProblem } from '@/lib/resources/constraints';
import type { FilterSpec } from '@/lib/resources/types';

const DEBOUNCE_MS = 350;

interface TextFilterProps {
  filter: Extract<FilterSpec, { kind: 'text' }>;
  value: string;
  onChange: (value: string | null) => void;
  /** Names to offer while typing, when the filter names a parent listing. */
  suggest?: SuggestionSource;
}

const NO_SOURCE: SuggestionSource | undefined = undefined;
const SUGGEST_AFTER_MS = 200;

/** `value` once it has stopped changing for `ms`. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Suggestions({ id, source, typed }: { id: string; source: SuggestionSource; typed: string }) {
  const { data } = useQuery(suggestionsQuery(source, useSettled(typed, SUGGEST_AFTER_MS)));
  return (
    <datalist id={id} data-testid="filter-suggestions">
      {(data ?? []).map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

/** A debounced text filter, checked against the API's own constraints before it is sent. */
export function TextFilter({ filter, value, onChange, suggest = NO_SOURCE }: TextFilterProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    setDraft(value);
  }
  // What was typed into the server's HTML before the table hydrated is the draft, not the URL's value.
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const typed = input.current?.value;
    if (typed !== undefined) setDraft((current) => (typed === current ? current : typed));
  }, []);
  const refusal = draft === '' ? null : textProblem(filter.rule, draft);
  const valid = refusal === null;

  useEffect(() => {
    if (!valid || draft === value) return;
    const timer = window.setTimeout(() => onChange(draft === '' ? null : draft), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, valid, value, onChange]);

  return (
    <div className="relative flex flex-col">
      <label htmlFor={id} className="sr-only">
        {filter.label}
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        value={draft}
        placeholder={filter.label}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(event) => setDraft(event.target.value)}
        className={`${inputClass} w-48 ${valid ? '' : 'border-red-600 dark:border-red-400'}`}
        data-filter={filter.id}
        list={suggest === undefined ? undefined : `${id}-suggestions`}
      />
      {suggest !== undefined && <Suggestions id={`${id}-suggestions`} source={suggest} typed={draft} />}
      {!valid && (
        <p
          id={`${id}-error`}
          role="alert"
          className="absolute top-8 z-20 w-64 rounded bg-red-50 px-2 py-1 text-[11px] text-red-800 shadow dark:bg-red-950 dark:text-red-200"
        >
          {filter.label} {refusal}; not sent.
        </p>
      )}
    </div>
  );
}

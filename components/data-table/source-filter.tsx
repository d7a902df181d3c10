'use client';

import { focusRing, ghostButtonClass } from '@/components/ui/styles';
import { ACCOUNT_PARAM, REGION_PARAM, type SourceChoices } from '@/lib/url/sources';
import { listValue, type ViewValues } from '@/lib/url/view';
import { FilterPopover } from './filter-popover';
import type { SetView } from './use-view-state';

interface ChoiceListProps {
  label: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: readonly string[] | null) => void;
}

function ChoiceList({ label, options, value, onChange }: ChoiceListProps) {
  const summary = value.length === 0 ? 'All' : value.length > 1 ? `${value.length} selected` : (value[0] ?? 'All');
  const selected = value.length === 0 ? options.map((option) => option.value) : value;
  function toggle(option: string, checked: boolean) {
    const next = checked ? [...selected, option] : selected.filter((item) => item !== option);
    const ordered = options.map((item) => item.value).filter((item) => next.includes(item));
    onChange(ordered.length === options.length ? null : ordered);
  }
  return (
    <FilterPopover label={label} summary={summary} noun="filter">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[11px] text-zinc-600 dark:text-zinc-400">Listed from the checked ones</legend>
        {options.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              disabled={selected.length === 1 && selected[0] === option.value}
              onChange={(event) => toggle(option.value, event.target.checked)}
              className={`size-3.5 accent-blue-700 ${focusRing}`}
            />
            {option.label}
          </label>
        ))}
        <button
          type="button"
          className={`${ghostButtonClass} mt-1 self-start`}
          onClick={() => onChange(null)}
          disabled={value.length === 0}
        >
          All
        </button>
      </fieldset>
    </FilterPopover>
  );
}

interface SourceFilterProps {
  sources: SourceChoices;
  values: ViewValues;
  setView: SetView;
}

/** Which accounts and regions the listing merges: all by default, in the URL as `account=` and `region=`. */
export function SourceFilter({ sources, values, setView }: SourceFilterProps) {
  if (!sources.several) return null;
  return (
    <>
      {sources.accounts.length > 1 && (
        <ChoiceList
          label="Account"
          options={sources.accounts.map((account) => ({
            value: account.name,
            label: account.accountId === undefined ? account.name : `${account.name} (${account.accountId})`,
          }))}
          value={listValue(values, ACCOUNT_PARAM)}
          onChange={(value) => setView({ [ACCOUNT_PARAM]: value })}
        />
      )}
      {sources.regions.length > 1 && (
        <ChoiceList
          label="Region"
          options={sources.regions.map((region) => ({ value: region, label: region }))}
          value={listValue(values, REGION_PARAM)}
          onChange={(value) => setView({ [REGION_PARAM]: value })}
        />
      )}
    </>
  );
}

'use client';

import { ChevronIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { buttonClass, focusRing, ghostButtonClass } from '@/components/ui/styles';
import type { ResourceSpec } from '@/lib/resources/types';
import type { Density, TimeZoneMode } from './use-preferences';

interface PreferencesMenuProps {
  spec: ResourceSpec;
  visibility: Record<string, boolean>;
  onVisibility: (visibility: Record<string, boolean>) => void;
  density: Density;
  onDensity: (density: Density) => void;
  onReset: () => void;
}

export function PreferencesMenu({ spec, visibility, onVisibility, density, onDensity, onReset }: PreferencesMenuProps) {
  return (
    <Popover
      label={
        <>
          View <ChevronIcon />
        </>
      }
      ariaLabel="View preferences: columns and density"
      triggerClassName={buttonClass}
      panelLabel="View preferences"
      align="end"
    >
      <div className="flex w-56 flex-col gap-3">
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 font-semibold">Columns</legend>
          {spec.columns.map((column) => (
            <label
              key={column.id}
              className={`flex items-center gap-2 ${column.pinned ? 'text-zinc-600 dark:text-zinc-400' : 'cursor-pointer'}`}
            >
              <input
                type="checkbox"
                checked={visibility[column.id] ?? column.defaultVisible}
                disabled={column.pinned}
                onChange={(event) => onVisibility({ ...visibility, [column.id]: event.target.checked })}
                className={`size-3.5 accent-blue-700 ${focusRing}`}
              />
              {column.header}
              {column.pinned && <span className="text-[11px]">(always shown)</span>}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 font-semibold">Density</legend>
          {(['compact', 'comfortable'] as const).map((option) => (
            <label key={option} className="flex cursor-pointer items-center gap-2 capitalize">
              <input
                type="radio"
                name={`${spec.id}-density`}
                checked={density === option}
                onChange={() => onDensity(option)}
                className={`size-3.5 accent-blue-700 ${focusRing}`}
              />
              {option}
            </label>
          ))}
        </fieldset>
        <button type="button" className={`${ghostButtonClass} self-start`} onClick={onReset}>
          Reset to defaults
        </button>
      </div>
    </Popover>
  );
}

export function TimeZoneSwitch({ zone, onChange }: { zone: TimeZoneMode; onChange: (zone: TimeZoneMode) => void }) {
  return (
    <div
      role="group"
      aria-label="Time zone"
      className="inline-flex overflow-hidden rounded border border-zinc-300 dark:border-zinc-700"
    >
      {(['local', 'utc'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={zone === option}
          onClick={() => onChange(option)}
          className={`h-[26px] px-2 text-xs ${focusRing} ${
            zone === option
              ? 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900'
              : 'bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800'
          }`}
        >
          {option === 'utc' ? 'UTC' : 'Local'}
        </button>
      ))}
    </div>
  );
}

/** How often `refresh=` polls a listing's first page for new rows; absent means never. */
export const REFRESH_CHOICES = ['30s', '1m', '5m', '15m'] as const;

export type RefreshInterval = (typeof REFRESH_CHOICES)[number];

const INTERVAL_MS: Record<RefreshInterval, number> = { '30s': 30_000, '1m': 60_000, '5m': 300_000, '15m': 900_000 };

export function refreshInterval(value: unknown): RefreshInterval | undefined {
  return REFRESH_CHOICES.find((choice) => choice === value);
}

export function refreshMs(value: unknown): number | undefined {
  const interval = refreshInterval(value);
  return interval === undefined ? undefined : INTERVAL_MS[interval];
}

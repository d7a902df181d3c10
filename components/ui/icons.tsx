const common = {
  width: 12,
  height: 12,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  'aria-hidden': true,
};

export function CopyIcon() {
  return (
    <svg {...common}>
      <rect x="5" y="5" width="9" height="9" rx="1.5" />
      <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
    </svg>
  );
}

export function ExternalIcon() {
  return (
    <svg {...common}>
      <path d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5" />
    </svg>
  );
}

export function ChevronIcon() {
  return (
    <svg {...common}>
      <path d="m4 6 4 4 4-4" />
    </svg>
  );
}

export function SortIcon({ direction }: { direction: 'asc' | 'desc' | false }) {
  return (
    <svg {...common} className={direction === false ? 'opacity-40' : ''}>
      {direction !== 'desc' && <path d="m5 6 3-3 3 3" />}
      {direction !== 'asc' && <path d="m5 10 3 3 3-3" />}
    </svg>
  );
}

export function PanelIcon() {
  return (
    <svg {...common}>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M9.5 2.5v11M11.5 5.5h0M11.5 8h0" />
    </svg>
  );
}

export function RefreshIcon() {
  return (
    <svg {...common}>
      <path d="M13.5 8A5.5 5.5 0 1 1 11.9 4.1M12 1.5v3h-3" />
    </svg>
  );
}

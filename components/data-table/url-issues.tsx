import type { UrlIssue } from '@/lib/url/view';

const MAX_SHOWN = 120;

/** The value as typed, control characters made visible and a long value cut. */
function shownValue(value: string): string {
  const visible = JSON.stringify(value).slice(1, -1);
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}…` : visible;
}

/** Bad URL values, each named and ignored, so a stale runbook link still opens. */
export function UrlIssues({ issues }: { issues: UrlIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="url-issues"
      className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Some link parameters were ignored:</p>
      <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
        {issues.map((issue) => (
          <li key={issue.param}>
            <code className="font-mono">
              {issue.param}={shownValue(issue.value)}
            </code>{' '}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

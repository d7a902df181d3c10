import 'server-only';
import type { BackendView } from '@/components/shell/backend-badge';
import { getBackendInfo } from '@/lib/config/backend';
import { sourceChoices } from '@/lib/server/sources';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the header says about where the data comes from: the backend, and its account or its accounts and regions. */
export function backendView(): BackendView {
  const info = getBackendInfo();
  const choices = sourceChoices();
  if (!choices.several) {
    const id = choices.accounts[0]?.accountId;
    return id === undefined
      ? { kind: info.kind, label: info.label, title: info.title }
      : { kind: info.kind, label: info.label, detail: id, title: `${info.title}, account ${id}` };
  }
  const accounts = choices.accounts.map(
    (account) =>
      `${account.name}${account.accountId === undefined ? '' : ` (${account.accountId})`}: ${account.regions.join(', ')}`,
  );
  return {
    kind: info.kind,
    label: `${info.name} · ${count(choices.accounts.length, 'account')} · ${count(choices.regions.length, 'region')}`,
    title: `${info.name}; ${accounts.join('; ')}`,
  };
}

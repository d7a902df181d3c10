import { describe, expect, it } from 'vitest';
import { sortRows, textCollator } from './sort-rows';

const rows = [
  { id: 'a', status: 'CREATED', version: 2 },
  { id: 'b', status: 'CREATE_FAILED', version: 10 },
  { id: 'c', version: 1 },
  { id: 'd', status: 'CREATED', version: 3 },
];
const ids = (sorted: Record<string, unknown>[]) => sorted.map((row) => row.id);

describe('sortRows', () => {
  it('sorts strings stably, with missing values last in either direction', () => {
    expect(ids(sortRows(rows, { field: 'status' }, 'asc'))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortRows(rows, { field: 'status' }, 'desc'))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('sorts text the way people read it: case-insensitive, numbers by value', () => {
    const names = ['XGBoost 2.1 (CPU)', 'ds-platform PyTorch GPU', 'model-10', 'Model-9', 'alpha'];
    const sorted = sortRows(
      names.map((name) => ({ name })),
      { field: 'name' },
      'asc',
    ).map((row) => row.name);
    expect(sorted).toEqual(['alpha', 'ds-platform PyTorch GPU', 'Model-9', 'model-10', 'XGBoost 2.1 (CPU)']);
  });

  it('orders text the same on every machine, whatever its locale: the server and the browser both sort', () => {
    const names = ['Ängström', 'zeta', 'äpfel', 'Zürich', 'apple'];
    const sorted = sortRows(
      names.map((name) => ({ name })),
      { field: 'name' },
      'asc',
    ).map((row) => row.name);
    // In a Swedish collation, "ä" would come after "z".
    expect(sorted).toEqual(['Ängström', 'äpfel', 'apple', 'zeta', 'Zürich']);
    expect(textCollator.resolvedOptions().locale).toBe('en');
  });

  it('sorts numbers numerically', () => {
    expect(ids(sortRows(rows, { field: 'version' }, 'asc'))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('leaves its input alone', () => {
    sortRows(rows, { field: 'version' }, 'desc');
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });
});

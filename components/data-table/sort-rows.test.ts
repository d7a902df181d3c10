import { describe, expect, it } from 'vitest';
import { sortRows } from './sort-rows';

const rows = [
  { id: 'a', status: 'CREATED', version: 2 },
  { id: 'b', status: 'CREATE_FAILED', version: 10 },
  { id: 'c', version: 1 },
  { id: 'd', status: 'CREATED', version: 3 },
];
const ids = (sorted: Record<string, unknown>[]) => sorted.map((row) => row.id);

describe('sortRows', () => {
  it('sorts strings by code unit, stably, with missing values last', () => {
    expect(ids(sortRows(rows, { field: 'status' }, 'asc'))).toEqual(['a', 'd', 'b', 'c']);
    expect(ids(sortRows(rows, { field: 'status' }, 'desc'))).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts numbers numerically', () => {
    expect(ids(sortRows(rows, { field: 'version' }, 'asc'))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('leaves its input alone', () => {
    sortRows(rows, { field: 'version' }, 'desc');
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });
});

import type * as z from 'zod/mini';

export type ResourceId = 'images' | 'image-versions' | 'model-packages';
export type SortDirection = 'asc' | 'desc';

export type CellKind = 'text' | 'datetime' | 'status' | 'arn' | 'link' | 'number' | 'lifecycle' | 'badge';

export interface ColumnSpec<Row> {
  id: string;
  header: string;
  field: keyof Row & string;
  cell: CellKind;
  defaultVisible: boolean;
  sortable: 'server' | 'client' | false;
  /** The column that names a row: it cannot be hidden. */
  pinned?: true;
  /** For status cells: the field that explains a failure. */
  detailField?: keyof Row & string;
  /** For link cells: the app route the value opens. */
  href?(row: Row): string | undefined;
}

export type FilterSpec =
  /** Checked in the browser with the `query` schema's own member for `apiParam`. */
  | { id: string; label: string; kind: 'text'; apiParam: string; side: 'server' }
  | {
      id: string;
      label: string;
      kind: 'enum';
      apiParam: string;
      options: readonly { value: string; label: string; apiValue: string | undefined }[];
      defaultValue: string;
      side: 'server';
    }
  | { id: string; label: string; kind: 'dateRange'; afterParam: string; beforeParam: string; side: 'server' }
  | { id: string; label: string; kind: 'multiEnum'; field: string; options: readonly string[]; side: 'client' };

export interface SortSpec {
  /** UI sort id to the API's SortBy value. */
  server: Record<string, string>;
  order: Record<SortDirection, string>;
  default: { id: string; order: SortDirection };
}

export interface ResourceSpec<
  Query extends z.ZodMiniObject = z.ZodMiniObject,
  Row extends Record<string, unknown> = Record<string, unknown>,
  Path extends Record<string, string> = Record<string, string>,
> {
  id: ResourceId;
  label: string;
  operation: 'ListImages' | 'ListImageVersions' | 'ListModelPackages';
  iamAction: string;
  cliCommand: string;
  /** The member of the API's output that holds the items. */
  resultKey: string;
  /** The proxy path for this listing, given the route parameters. */
  apiPath(path: Path): string;
  /** Route parameters of the proxy path, validated with the API's constraints. */
  pathParams: z.ZodMiniType<Path>;
  /** The proxy's query parameters: the API's own member names and constraints. */
  query: Query;
  /** One item as the proxy returns it: the API's field names, ISO 8601 timestamps. */
  row: z.ZodMiniType<Row>;
  rowId(row: Row): string;
  /** The row's page in the AWS console, in the region of its ARN. */
  consoleUrl(row: Row): string | undefined;
  sort: SortSpec;
  columns: readonly ColumnSpec<Row>[];
  filters: readonly FilterSpec[];
}

import type { TextRule } from './constraints';

export type SortDirection = 'asc' | 'desc';

/** How a value shows in a cell; `short` is text that is never long (an account name, a region). */
export type CellKind = 'text' | 'short' | 'datetime' | 'status' | 'arn' | 'link' | 'number' | 'pair' | 'badge';

export interface ColumnSpec<Row> {
  id: string;
  header: string;
  field: keyof Row & string;
  cell: CellKind;
  defaultVisible: boolean;
  sortable: 'server' | 'client' | false;
  /** The column that names a row: it cannot be hidden. */
  pinned?: true;
  /** For status cells: the field that explains a failure. For pair cells: the field that describes the pair. */
  detailField?: string;
  /** For pair cells: the two members of the field's object shown as "first · second". */
  pair?: readonly [string, string];
  /** For link cells: the row's children (per the spec's `children`), or this listing filtered by the value. */
  link?: { to: 'children' } | { filter: string };
}

export type FilterSpec =
  /** `rule` is what the API takes as `apiParam`: the browser checks a value with it before sending it. */
  | { id: string; label: string; kind: 'text'; apiParam: string; rule: TextRule; side: 'server' }
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
  /** What the API sorts by when SortBy or SortOrder is not sent (its documented defaults). */
  api: { by: string; order: SortDirection };
  /** The server-sorted time column that says when a row was created: a polled row newer than every loaded one is new. */
  newest: string;
}

/** How to find the one row with a name: list with `contains` set to it and keep the exact match. */
export interface LookupSpec<Row> {
  contains: string;
  nameField: keyof Row & string;
  arnField: keyof Row & string;
  /** More queries to try, in order, when the plain one finds nothing (rows shared from other accounts). */
  alsoTry?: readonly Record<string, string>[];
  /** Children know a row by its ARN, not its name, while the listing's view has this filter value. */
  arnWhen?: { filter: string; value: string };
}

/** A listing this resource is the parent of: the child's page shows the parent's row above its table. */
export interface ChildSpec {
  resource: string;
  /** The child names its parent by a route parameter (`/images/[ImageName]`) or by a text filter (`?group=`). */
  via: { path: string } | { filter: string };
}

/** Where a Describe parameter comes from: the row's id (its ARN, whole or its last path segment) or the route. */
export type DetailsParamSource = { id: 'whole' | 'last' } | { path: string };

/** The Describe call behind a row's details panel: what it adds to the row. */
export interface DetailsSpec {
  operation: string;
  /** Its members, from the row's id or the route, so a link to one row works before the row has loaded. */
  params: Readonly<Record<string, DetailsParamSource>>;
  /** What the panel shows beyond the row's own fields, in order. */
  fields: readonly string[];
}

/**
 * What a listing is and how it shows, the same in the browser and on the server; the API's schemas that the
 * server checks requests and rows with are beside it, in `lib/resources/schemas`.
 */
export interface ResourceSpec<Row extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  /** The listing's name: navigation, page title, the table's accessible name. */
  label: string;
  /** What the page shows, in a sentence under its title. */
  blurb: string;
  /** One row, in words: "image", "model package group". */
  noun: string;
  /** The SageMaker list API, e.g. `ListImages`. */
  operation: string;
  /** The member of the API's output that holds the items. */
  resultKey: string;
  /** The page, with route parameters in brackets as in the `app` folder: `/images/[ImageName]`. */
  route: string;
  /** The proxy route, in the same form: `/api/images/[ImageName]/versions`. */
  apiRoute: string;
  /** The field that identifies a row (its ARN). */
  idField: keyof Row & string;
  /** The row's page in the AWS console, in the region of its ARN. */
  consoleUrl(row: Row): string | undefined;
  sort: SortSpec;
  columns: readonly ColumnSpec<Row>[];
  filters: readonly FilterSpec[];
  lookup?: LookupSpec<Row>;
  children?: readonly ChildSpec[];
  details?: DetailsSpec;
}

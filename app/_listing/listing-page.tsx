import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { DeferredTable } from '@/components/data-table/deferred-table';
import {
  firstPageRequest,
  firstParam,
  type SearchParams,
  type ServerFirstPage,
} from '@/components/data-table/first-page';
import { RowSummary } from '@/components/data-table/row-summary';
import { ErrorNotice } from '@/components/data-table/table-states';
import { NotFoundView } from '@/components/shell/not-found-view';
import { PageHeader } from '@/components/shell/page-header';
import { getBackendInfo } from '@/lib/config/backend';
import { pagePath } from '@/lib/resources/derive';
import { isResourceId, parentOf, registeredId, type ResourceId } from '@/lib/resources/registry';
import { firstPageFor } from '@/lib/server/first-page';
import { sourceChoices } from '@/lib/server/sources';
import type { Listing } from '@/lib/resources/schemas/listing';
import type { ResourceSpec } from '@/lib/resources/types';
import type { SourceChoices } from '@/lib/url/sources';
import { readView, textValue } from '@/lib/url/view';
import { lookupParent, type ParentLookup } from './parent-lookup';

interface PageProps {
  params: Promise<Record<string, string>>;
  searchParams: Promise<SearchParams>;
}

/** The parent a child listing names, by route parameter or by filter, as the URL gives it. */
function parentName(spec: ResourceSpec, path: Record<string, string>, searchParams: SearchParams) {
  const relation = parentOf(spec.id);
  if (relation === undefined) return undefined;
  if ('path' in relation.via) return { ...relation, name: path[relation.via.path] ?? '', byPath: true };
  const { filter } = relation.via;
  const name = textValue(readView(spec, (param) => firstParam(searchParams, param)).values, filter);
  return name === '' ? undefined : { ...relation, name, byPath: false };
}

function SummarySkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading details"
      className="h-16 animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800"
    />
  );
}

interface ParentSummaryProps {
  parent: ResourceSpec;
  name: string;
  back: { href: string; label: string };
  /** The lookup already done, for a parent the route names; otherwise it is done here. */
  found?: ParentLookup;
}

/** The parent's row in full, or why it cannot be shown: missing, or its lookup failed (never taken for missing). */
async function ParentSummary({ parent, name, back, found }: ParentSummaryProps) {
  const lookup = found ?? (await lookupParent(parent, name));
  if (lookup?.row !== undefined && isResourceId(parent.id)) {
    return <RowSummary resource={parent.id} row={lookup.row} label={`${parent.noun} ${name}`} />;
  }
  if (lookup?.error !== undefined) {
    return (
      <ErrorNotice
        title={`The ${parent.noun}'s details could not be loaded`}
        message={`${lookup.error.message} (${lookup.error.code}, HTTP ${lookup.error.status})`}
      />
    );
  }
  return <NotFoundView noun={parent.noun} name={name} back={back} inline />;
}

interface FirstPageInput {
  spec: Listing;
  id: ResourceId;
  path: Record<string, string>;
  query: SearchParams;
  sources: SourceChoices;
}

/**
 * Whether the browser asks for the page from a script (its own navigation, a fetch of the RSC payload) rather
 * than as a document; without the Fetch Metadata header (other clients, bots), as a document.
 */
function fromScript(requestHeaders: Headers): boolean {
  const destination = requestHeaders.get('sec-fetch-dest');
  return destination !== null && destination !== 'document';
}

/**
 * The view's first page, with its relative ranges resolved now. A document request gets its rows in the HTML,
 * so they show without JavaScript; a navigation of the browser (whose table runs already, and may have the
 * listing cached) is not held up for them, and nor is a page whose load fails or is late: the browser loads
 * the rows then, with the same ranges.
 */
async function loadFirstPage({ spec, id, path, query, sources }: FirstPageInput) {
  const request = firstPageRequest(id, path, query, sources, Date.now());
  const answer = fromScript(await headers()) ? undefined : await firstPageFor(spec, path, request.apiUrl);
  const server: ServerFirstPage = {
    resolved: request.resolved,
    ...(answer !== undefined && 'refused' in answer ? { refused: { key: request.key, ...answer.refused } } : {}),
  };
  return {
    state: answer !== undefined && 'body' in answer ? request.state(answer.body, Date.now()) : undefined,
    server,
  };
}

/**
 * The page of any listing: its title and blurb from the spec, the table, and above it the parent's row when
 * the listing belongs to one (an image above its versions). `params` are decoded by Next already.
 */
export function listingPage(spec: Listing) {
  const id = registeredId(spec);
  async function generateMetadata({ params }: PageProps): Promise<Metadata> {
    const relation = parentOf(spec.id);
    const path = await params;
    const named = relation !== undefined && 'path' in relation.via ? path[relation.via.path] : undefined;
    return { title: named === undefined ? spec.label : `${named} · ${spec.label}` };
  }

  async function Page({ params, searchParams }: PageProps) {
    await connection();
    const parsed = spec.pathParams.safeParse(await params);
    if (!parsed.success) notFound();
    const path = parsed.data;
    const query = await searchParams;
    const parent = parentName(spec, path, query);
    const sources = sourceChoices();
    // The first rows load while the parent is looked up; the page waits for them a bounded time only.
    const firstPage = loadFirstPage({ spec, id, path, query, sources });
    // A parent named by the route decides the answer's status (404), so the page waits for it; one named by a
    // filter streams in beside the table.
    const found = parent?.byPath === true ? await lookupParent(parent.parent, parent.name) : undefined;
    if (parent?.byPath === true && found === undefined) notFound();
    const { region, endpoint } = getBackendInfo();
    const back = parent === undefined ? undefined : { href: pagePath(parent.parent), label: parent.parent.label };

    let above: ReactNode = <p className="text-xs text-zinc-600 dark:text-zinc-400">{spec.blurb}</p>;
    if (parent !== undefined && back !== undefined) {
      const summary = <ParentSummary parent={parent.parent} name={parent.name} back={back} found={found} />;
      above = parent.byPath ? summary : <Suspense fallback={<SummarySkeleton />}>{summary}</Suspense>;
    }
    const firstRows = await firstPage;
    return (
      <>
        <PageHeader
          title={parent?.byPath === true ? parent.name : spec.label}
          parent={parent?.byPath ? back : undefined}
        >
          {above}
        </PageHeader>
        <div className="flex min-h-0 min-w-0 flex-1 flex-col px-4 pb-4">
          <DeferredTable
            state={firstRows.state}
            resource={id}
            path={path}
            backend={{ region, endpoint }}
            sources={sources}
            server={firstRows.server}
            notFound={
              parent?.byPath === true && back !== undefined ? (
                <NotFoundView noun={parent.parent.noun} name={parent.name} back={back} />
              ) : undefined
            }
          />
        </div>
      </>
    );
  }

  return { Page, generateMetadata };
}

/** The not-found view of a listing whose route names its parent. */
export function listingNotFound(spec: ResourceSpec) {
  const relation = parentOf(spec.id);
  const parent = relation?.parent;
  return function NotFound() {
    if (parent === undefined) return null;
    return <NotFoundView noun={parent.noun} back={{ href: pagePath(parent), label: parent.label }} />;
  };
}

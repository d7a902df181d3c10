import { expect, type APIRequestContext } from '@playwright/test';
import { z } from 'zod';

const page = z.object({ items: z.array(z.record(z.string(), z.unknown())), nextToken: z.string().nullable() });
export type ApiPage = z.infer<typeof page>;

/** One page from the proxy, as the browser would get it. */
export async function apiPage(request: APIRequestContext, url: string): Promise<ApiPage> {
  const response = await request.get(url);
  expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
  return page.parse(await response.json());
}

/** Every item of a listing, following NextToken. */
export async function apiAll(
  request: APIRequestContext,
  path: string,
  params: Record<string, string> = {},
): Promise<ApiPage['items']> {
  const items: ApiPage['items'] = [];
  let token: string | null = null;
  do {
    const query = new URLSearchParams({
      ...params,
      MaxResults: '100',
      ...(token === null ? {} : { NextToken: token }),
    });
    const result = await apiPage(request, `${path}?${query}`);
    items.push(...result.items);
    token = result.nextToken;
  } while (token !== null);
  return items;
}

/** A list route URL's parameters, without its page size and position: the listing it pages through. */
export function listParams(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  params.delete('MaxResults');
  params.delete('NextToken');
  return Object.fromEntries(params);
}

/** The account of the dashboard's default source, read from the ARN of a model package it lists. */
export async function accountOf(request: APIRequestContext): Promise<string> {
  const [first] = (await apiPage(request, '/api/model-packages?MaxResults=1')).items;
  const account = /^arn:aws:sagemaker:[^:]+:(\d{12}):/.exec(String(first?.ModelPackageArn))?.[1];
  expect(account, 'a model package ARN names its account').toBeDefined();
  return account ?? '';
}

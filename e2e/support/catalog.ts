// Helpers for the catalogue journeys: read the server's own answers, so that the checks
// follow the demo catalogue rather than a copy of it.
import type { Page } from 'playwright-core';

interface ListItem {
  id: string;
  code: string;
  type: 'service' | 'bundle';
  name: string;
  nameZh: string;
  nameEn: string;
}

/** The first search result (in the given language) that `accept` likes. */
export async function findService(
  page: Page,
  query: string,
  accept: (item: ListItem) => boolean = () => true,
  language = 'zh-CN',
): Promise<ListItem> {
  const response = await page.request.get(`/api/v1/services?q=${encodeURIComponent(query)}&limit=50`, {
    headers: { 'accept-language': language },
  });
  const body = (await response.json()) as { items: ListItem[] };
  const found = body.items.find(accept);
  if (!found) throw new Error(`no search result for ${query} fits`);
  return found;
}

/** A published service or bundle as the public API returns it. */
export async function serviceDetail<T = Record<string, unknown>>(page: Page, idOrCode: string): Promise<T> {
  const response = await page.request.get(`/api/v1/services/${encodeURIComponent(idOrCode)}`);
  return (await response.json()) as T;
}

/** The explorer's calls to its server (src/serve/server.ts); same origin only, as the page's CSP demands. */
import type { GraphPayload, ItemDetail, SearchResponse } from '../../src/serve/protocol.js';

export type ItemKind = ItemDetail['kind'];

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: string };
      if (body.error) message = body.error;
    } catch {
      // keep the status line
    }
    throw new Error(message);
  }
  return (await response.json()) as T;
}

export const fetchGraph = (): Promise<GraphPayload> => getJson<GraphPayload>('/api/graph');

export const fetchSearch = (q: string, signal?: AbortSignal): Promise<SearchResponse> =>
  getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=60`, signal);

export const fetchItem = (kind: ItemKind, id: string, signal?: AbortSignal): Promise<ItemDetail> =>
  getJson<ItemDetail>(`/api/item/${kind}/${encodeURIComponent(id)}`, signal);

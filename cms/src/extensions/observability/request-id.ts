/**
 * One id per request, carried from the proxy (X-Request-Id) through every log line and into the
 * change events a request writes, so an operator can follow one publish from nginx to the site
 * build. Kept in an AsyncLocalStorage: code deep in a Document Service middleware reads it without
 * the request being passed down.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The incoming id when it is a plausible one (nginx's `$request_id` is 32 hex digits; a UUID also
 * fits), else a fresh UUID: an id a client makes up cannot inject text into the logs.
 */
export function acceptRequestId(incoming: string | undefined): string {
  return incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request this code runs for; null outside a request (cron tasks, boot). */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

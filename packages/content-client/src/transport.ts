/**
 * Sends one GraphQL query through graphql-request and turns every way it can fail into a
 * ContentClientError subclass. All mapping from transport failures to errors happens here.
 */
import { ClientError, GraphQLClient } from 'graphql-request';
import {
  ContentGraphQLError,
  ContentHttpError,
  ContentNetworkError,
  ContentResponseError,
  ContentTimeoutError,
  type ContentClientError,
  type GraphQLErrorEntry,
  type RequestContext,
} from './errors.js';
import type { Query } from './queries.js';

export interface TransportOptions {
  endpoint: string;
  token?: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Raised inside the wrapped fetch, so that failures before a response are told apart. */
class FetchFailure extends Error {
  constructor(readonly original: unknown) {
    super('fetch failed');
  }
}

/**
 * Runs `query` with `variables` and returns its `data`.
 * @throws {ContentNetworkError} no response (refused, reset, DNS…); {ContentTimeoutError} after `timeoutMs`
 * @throws {ContentHttpError} non-2xx status without GraphQL errors
 * @throws {ContentGraphQLError} a response carrying GraphQL `errors`
 * @throws {ContentResponseError} a 2xx response that is not a GraphQL result with data
 */
export async function runQuery<TData, TVariables extends object>(
  options: TransportOptions,
  query: Query<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const context: RequestContext = {
    operation: query.operation,
    endpoint: options.endpoint,
    variables: { ...(variables as Record<string, unknown>) },
  };
  let statusText = '';
  // The body is read inside this wrapper so that a connection dropped mid-body or a timeout
  // while streaming is also reported as a network failure, not as a malformed response.
  const wrappedFetch: typeof fetch = async (input, init) => {
    try {
      const response = await options.fetch(input, init);
      statusText = response.statusText;
      const body = await response.text();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      throw new FetchFailure(error);
    }
  };
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const client = new GraphQLClient(options.endpoint, { fetch: wrappedFetch, headers });

  let data: TData | null | undefined;
  try {
    data = await client.request<TData>({
      document: query.document,
      variables,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw toContentError(error, context, options.timeoutMs, statusText);
  }
  if (data === null || data === undefined || typeof data !== 'object') {
    throw new ContentResponseError(
      `${describe(context)} returned no data (and no errors) from ${context.endpoint}.`,
      context,
    );
  }
  return data;
}

function describe(context: RequestContext): string {
  return `CMS query ${context.operation}`;
}

function toContentError(
  error: unknown,
  context: RequestContext,
  timeoutMs: number,
  statusText: string,
): ContentClientError {
  if (error instanceof FetchFailure) {
    const original = error.original;
    if (isTimeout(original)) {
      return new ContentTimeoutError(
        `${describe(context)} timed out after ${timeoutMs} ms waiting for ${context.endpoint}. ` +
          'The CMS may be overloaded; raise timeoutMs or retry.',
        { ...context, timeoutMs, cause: original },
      );
    }
    return new ContentNetworkError(
      `${describe(context)} could not reach ${context.endpoint}: ${networkReason(original)}. ` +
        'Check that the CMS is running and that the endpoint (PBGDPL_CMS_URL) is right.',
      { ...context, cause: original },
    );
  }
  if (error instanceof ClientError) {
    const status = error.response.status;
    const errors = graphQLErrors(error.response.errors);
    const statusLabel = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
    if (errors.length > 0) {
      const messages = errors.map((e) => e.message + (e.path ? ` (at ${e.path.join('.')})` : '')).join('; ');
      return new ContentGraphQLError(
        `${describe(context)} failed at ${context.endpoint} (${statusLabel}) with ${errors.length} GraphQL ` +
          `error${errors.length === 1 ? '' : 's'}: ${messages}`,
        { ...context, status, errors, cause: error },
      );
    }
    const body = typeof error.response.body === 'string' ? error.response.body : '';
    const bodyExcerpt = body.slice(0, 500);
    if (status >= 200 && status < 300) {
      return new ContentResponseError(
        `${describe(context)} got an empty or invalid GraphQL result from ${context.endpoint}.`,
        {
          ...context,
          status,
          cause: error,
        },
      );
    }
    return new ContentHttpError(
      `${describe(context)} failed with ${statusLabel} from ${context.endpoint}` +
        (bodyExcerpt ? `; response began: ${JSON.stringify(bodyExcerpt.slice(0, 200))}` : '') +
        (status === 401 || status === 403 ? '. The token is missing, wrong or lacks read access.' : '.'),
      { ...context, status, bodyExcerpt },
    );
  }
  // graphql-request throws plain errors when a 2xx body is not a GraphQL result (HTML, broken JSON).
  const reason = errorLike(error) ? String(errorLike(error)?.message) : String(error);
  return new ContentResponseError(
    `${describe(context)} got a response from ${context.endpoint} that is not a GraphQL result: ${reason.slice(0, 300)}`,
    { ...context, cause: error },
  );
}

// Duck-typed on purpose: errors from fetch may come from another realm (Jest's VM, workers), where
// `instanceof Error` is false.
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

function errorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null && 'message' in value ? (value as ErrorLike) : undefined;
}

function isTimeout(error: unknown): boolean {
  const e = errorLike(error);
  return e?.name === 'TimeoutError' || (e?.name === 'AbortError' && /timeout/i.test(String(e.message)));
}

/** "fetch failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9)" rather than undici's bare "fetch failed". */
function networkReason(error: unknown): string {
  const e = errorLike(error);
  if (!e) return String(error);
  const cause = errorLike(e.cause);
  if (cause) {
    const code = typeof cause.code === 'string' ? `${cause.code}: ` : '';
    return `${String(e.message)} (${code}${String(cause.message)})`;
  }
  return String(e.message);
}

function graphQLErrors(value: unknown): GraphQLErrorEntry[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
  return list.map((entry: unknown) => {
    const e = (entry ?? {}) as { message?: unknown; path?: unknown; extensions?: unknown };
    const result: GraphQLErrorEntry = {
      message: typeof e.message === 'string' ? e.message : JSON.stringify(entry),
    };
    if (Array.isArray(e.path)) result.path = e.path as Array<string | number>;
    if (e.extensions && typeof e.extensions === 'object')
      result.extensions = e.extensions as Record<string, unknown>;
    return result;
  });
}

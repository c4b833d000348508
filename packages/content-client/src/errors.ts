/**
 * Every failure of the content client is a ContentClientError. The subclass says which layer
 * failed (network, HTTP, GraphQL, response shape); the message says which query, against which
 * endpoint, with which status, so a failed site build can be diagnosed from its log alone.
 */

/** Where a request went and what it asked: attached to every error. */
export interface RequestContext {
  /** The GraphQL operation name, e.g. "ListSiteDocuments". */
  operation: string;
  endpoint: string;
  variables?: Record<string, unknown>;
}

export class ContentClientError extends Error {
  override readonly name: string = 'ContentClientError';
  readonly operation: string;
  readonly endpoint: string;
  readonly variables: Record<string, unknown> | undefined;
  /** HTTP status when a response arrived; undefined for network failures. */
  readonly status: number | undefined;

  constructor(message: string, context: RequestContext & { status?: number; cause?: unknown }) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.operation = context.operation;
    this.endpoint = context.endpoint;
    this.variables = context.variables;
    this.status = context.status;
  }
}

/** The request never got a response: connection refused, DNS failure, reset, TLS error. */
export class ContentNetworkError extends ContentClientError {
  override readonly name: string = 'ContentNetworkError';
}

/** No response within the client's `timeoutMs`. */
export class ContentTimeoutError extends ContentNetworkError {
  override readonly name: string = 'ContentTimeoutError';
  readonly timeoutMs: number;

  constructor(message: string, context: RequestContext & { timeoutMs: number; cause?: unknown }) {
    super(message, context);
    this.timeoutMs = context.timeoutMs;
  }
}

/** The server answered with a non-2xx status and no GraphQL errors to explain it. */
export class ContentHttpError extends ContentClientError {
  override readonly name: string = 'ContentHttpError';
  /** The first 500 characters of the response body, for the log. */
  readonly bodyExcerpt: string;

  constructor(
    message: string,
    context: RequestContext & { status: number; bodyExcerpt: string; cause?: unknown },
  ) {
    super(message, context);
    this.bodyExcerpt = context.bodyExcerpt;
  }
}

/** One entry of a GraphQL response's `errors` list. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** The server answered with GraphQL `errors` (invalid query, forbidden field, resolver failure). */
export class ContentGraphQLError extends ContentClientError {
  override readonly name: string = 'ContentGraphQLError';
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(
    message: string,
    context: RequestContext & { status: number; errors: readonly GraphQLErrorEntry[]; cause?: unknown },
  ) {
    super(message, context);
    this.errors = context.errors;
  }
}

/** A 2xx response whose body is not the GraphQL result the client expected (not JSON, no data). */
export class ContentResponseError extends ContentClientError {
  override readonly name: string = 'ContentResponseError';
}

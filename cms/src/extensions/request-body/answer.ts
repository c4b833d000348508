import type { BodyRefused } from './refusal';

interface AnswerContext {
  path: string;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/**
 * A refused body, in Strapi's error shape (`{ data: null, error }`) with our `code`; on the
 * GraphQL endpoint also as GraphQL's `errors` list, so either kind of client reads it. An
 * oversize or interrupted body is never read to its end: the connection is closed after the
 * answer instead of being kept for another request.
 */
export function answerBodyRefusal(ctx: AnswerContext, refusal: BodyRefused, graphqlPath = '/graphql'): void {
  ctx.status = refusal.status;
  ctx.set('Cache-Control', 'no-store');
  if (refusal.status === 413 || refusal.code === 'aborted') ctx.set('Connection', 'close');
  const error = {
    status: refusal.status,
    name: refusal.errorName,
    code: refusal.code,
    message: refusal.message,
    details: refusal.details,
  };
  ctx.body =
    ctx.path === graphqlPath
      ? {
          data: null,
          error,
          errors: [{ message: refusal.message, extensions: { code: refusal.code, error } }],
        }
      : { data: null, error };
}

import { graphqlRefusal, isVietnamese, refusalFor } from './messages';

interface StrapiError {
  status?: number;
  name?: string;
  code?: string;
  message?: string;
  details?: unknown;
}

/**
 * The public answer for a refusal in Strapi's shape (`{ data, error }`), or for a bare Koa
 * answer (a string or nothing): Vietnamese message, stable code, the same shape. A message we
 * wrote (it has a code, or it is in Vietnamese) is kept; details are kept for 4xx (they name
 * fields) and dropped for 5xx, whose message never repeats what failed inside.
 */
export function translateRestError(status: number, body: unknown): { data: null; error: StrapiError } {
  const error = (body as { error?: StrapiError } | null)?.error;
  if (error && typeof error === 'object' && typeof error.message === 'string') {
    if (typeof error.code === 'string') return { data: null, error };
    if (status < 500 && isVietnamese(error.message))
      return { data: null, error: { ...error, code: 'invalid' } };
    const refusal = refusalFor(status, error.message);
    return {
      data: null,
      error: {
        status,
        name: error.name ?? 'Error',
        code: refusal.code,
        message: refusal.message,
        details: status < 500 ? (error.details ?? {}) : {},
      },
    };
  }
  const refusal = refusalFor(status, typeof body === 'string' ? body : '');
  return {
    data: null,
    error: {
      status,
      name: status >= 500 ? 'InternalServerError' : 'Error',
      code: refusal.code,
      message: refusal.message,
      details: {},
    },
  };
}

interface GraphqlError {
  message?: string;
  locations?: unknown;
  path?: unknown;
  extensions?: { code?: string; error?: StrapiError; stacktrace?: unknown; [key: string]: unknown };
}

/**
 * A GraphQL answer's errors for the public: messages in Vietnamese (ours, or Strapi's
 * ValidationError/Forbidden messages that are already Vietnamese, are kept), never a stack
 * trace, and for an internal error nothing of what failed (Strapi copies the original error's
 * message into `extensions.error`).
 */
export function translateGraphqlErrors(errors: GraphqlError[]): GraphqlError[] {
  return errors.map((error) => {
    const extensions = { ...(error.extensions ?? {}) };
    delete extensions.stacktrace;
    const code = extensions.code;
    const message = error.message ?? '';
    const internal = !code || code === 'INTERNAL_SERVER_ERROR';
    if (!internal && isVietnamese(message)) return { ...error, extensions };
    const refusal = graphqlRefusal(internal ? undefined : code, message);
    if (internal) delete extensions.error;
    else if (extensions.error) extensions.error = { ...extensions.error, message: refusal.message };
    return { ...error, message: refusal.message, extensions: { ...extensions, code: refusal.code } };
  });
}

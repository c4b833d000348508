import type { Core } from '@strapi/strapi';
import { answerBodyRefusal } from './answer';
import { declaredLength, hasBody } from './read';
import { BODY_REFUSALS, BodyRefused } from './refusal';
import type { BodyContext } from './request-body';
import { bodySettings } from './settings-store';

/** The methods whose body a route may read. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Routes that take no body whatever the method (Strapi's `/_health` answers every method). */
const NO_BODY_PATHS = new Set(['/_health', '/api/health']);

/**
 * Register phase, ahead of every middleware (the read cache's hits included): refuses what no
 * caller may send — a body on any method other than POST, PUT and PATCH (it would be ignored), a
 * compressed body, a declared length past any limit, and for a request without credentials a
 * declared length past the public limit (it is anonymous whatever the route). Nothing is read.
 */
export function refuseImpossibleBodies(strapi: Core.Strapi, graphqlPath: string): void {
  strapi.server.use(async (koa, next) => {
    const ctx = koa as unknown as BodyContext;
    if (!hasBody(ctx.req.headers)) return next();
    try {
      if (!BODY_METHODS.has(ctx.method) || NO_BODY_PATHS.has(ctx.path)) throw BODY_REFUSALS.unexpectedBody();
      const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
      if (encoding && encoding !== 'identity') throw BODY_REFUSALS.compressed();
      const settings = bodySettings();
      const ceiling = ctx.get('Authorization')
        ? settings.uploadBytes + settings.authenticatedBytes
        : settings.publicBytes;
      const declared = declaredLength(ctx.req.headers);
      if (declared !== null && declared > ceiling) throw BODY_REFUSALS.tooLarge(ceiling);
    } catch (error) {
      if (error instanceof BodyRefused) return answerBodyRefusal(ctx, error, graphqlPath);
      throw error;
    }
    return next();
  });
}

/**
 * A client that keeps sending after an oversize body was refused (the answer closes the
 * connection), or sends a malformed request, makes Node's HTTP parser fail (`HPE_*`); Koa would
 * print each with a stack, so an attacker could flood the log. They are the client's doing and
 * logged as one debug line here.
 */
export function quietClosedConnections(strapi: Core.Strapi): void {
  const app = strapi.server.app as unknown as { onerror: (error: unknown) => void };
  const onerror = app.onerror.bind(app);
  app.onerror = (error: unknown) => {
    const e = error as { code?: string; message?: string } | null;
    if (e?.code === 'HPE_CLOSED_CONNECTION' || /Data after `Connection: close`/.test(e?.message ?? ''))
      return;
    onerror(error);
  };
}

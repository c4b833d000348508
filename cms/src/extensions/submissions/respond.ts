import type { SubmissionRejected } from './rejection';

/**
 * How the form routes answer. A page without JavaScript posts
 * application/x-www-form-urlencoded and navigates to the answer, so it gets HTML: a redirect to
 * the site's confirmation page, or a small Vietnamese page saying what went wrong. A script
 * posts JSON and gets JSON in Strapi's shape (`{ data }` or `{ error }`).
 */

export interface KoaLike {
  method: string;
  path: string;
  status: number;
  body: unknown;
  state: Record<string, unknown>;
  request: { body?: unknown; ip: string; query?: Record<string, unknown> };
  query: Record<string, unknown>;
  params?: Record<string, string>;
  is(...types: string[]): string | false | null;
  accepts(...types: string[]): string | false;
  get(field: string): string;
  set(field: string, value: string): void;
  remove(field: string): void;
  redirect(url: string): void;
  type: string;
}

/** Marks a response as ours, so the route guard leaves it alone. */
const OWN = 'submissionAnswered';

export function wantsHtml(ctx: KoaLike): boolean {
  if (ctx.method === 'GET') return ctx.accepts('json', 'html') === 'html';
  return Boolean(ctx.is('application/x-www-form-urlencoded', 'multipart/form-data'));
}

export function answerJson(ctx: KoaLike, status: number, data: unknown): void {
  ctx.status = status;
  ctx.body = { data };
  ctx.set('Cache-Control', 'no-store');
  ctx.state[OWN] = true;
}

export function answerHtml(ctx: KoaLike, status: number, title: string, bodyHtml: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page(title, bodyHtml);
  ctx.set('Cache-Control', 'no-store');
  ctx.state[OWN] = true;
}

export function answerRedirect(ctx: KoaLike, url: string): void {
  ctx.redirect(url);
  ctx.status = 303;
  ctx.set('Cache-Control', 'no-store');
  ctx.state[OWN] = true;
}

/** A refusal, as JSON or as an HTML page with a way back to the form. */
export function answerRejection(ctx: KoaLike, rejection: SubmissionRejected, backUrl: string | null): void {
  if (rejection.retryAfter) ctx.set('Retry-After', String(rejection.retryAfter));
  if (wantsHtml(ctx)) {
    const back = backUrl
      ? `<p><a href="${escapeHtml(backUrl)}">Quay lại biểu mẫu</a></p>`
      : '<p>Hãy dùng nút Quay lại của trình duyệt để trở về biểu mẫu.</p>';
    const more =
      rejection.problems.length > 1
        ? `<ul>${rejection.problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>`
        : '';
    answerHtml(
      ctx,
      rejection.status,
      'Chưa gửi được',
      `<p>${escapeHtml(rejection.message)}</p>${more}${back}`,
    );
    return;
  }
  ctx.status = rejection.status;
  ctx.set('Cache-Control', 'no-store');
  const problems =
    rejection.problems.length > 0
      ? rejection.problems
      : rejection.field
        ? [{ field: rejection.field, message: rejection.message }]
        : [];
  ctx.body = {
    data: null,
    error: {
      status: rejection.status,
      name: rejection.name,
      code: rejection.code,
      message: rejection.message,
      details: {
        errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError' })),
      },
    },
  };
  ctx.state[OWN] = true;
}

export function isAnswered(ctx: KoaLike): boolean {
  return ctx.state[OWN] === true;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A minimal, self-contained page: no scripts, no outside resources, readable on a small phone. */
function page(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}h1{font-size:1.4rem}code{font-size:1.2rem;font-weight:bold}dt{font-weight:bold}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>
`;
}

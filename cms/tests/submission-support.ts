import request from 'supertest';
import type { Core } from '@strapi/strapi';

/**
 * Helpers for the citizens' submission suites: a registered site with a public address, form
 * tokens, and posts as a browser on that site would send them (JSON from the form's script, or
 * urlencoded from a page without JavaScript).
 */
type Http = Parameters<typeof request>[0];

export const QA = 'api::qa.qa';
export const REPORT = 'api::report.report';

/** Settings for a suite: generous limits (the rate-limit test lowers them itself). */
export function submissionEnv(extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    SUBMISSION_IP_LIMITS: '1000/600',
    SUBMISSION_SITE_LIMITS: '1000/3600',
    SUBMISSION_READ_LIMITS: '1000/600',
    ...extra,
  });
}

/** Gives a site a public address, as the registry does for a published site. */
export async function publishSiteAt(strapi: Core.Strapi, documentId: string, baseUrl: string): Promise<void> {
  await strapi.documents('api::site.site').update({ documentId, data: { baseUrl } } as never);
}

export async function formToken(http: Http, site: string, origin: string): Promise<string> {
  const res = await request(http)
    .get('/api/submissions/token')
    .query({ site })
    .set('Origin', origin)
    .expect(200);
  return res.body.data.token as string;
}

export function postJson(http: Http, path: string, origin: string | null, body: Record<string, unknown>) {
  const req = request(http).post(`/api/submissions/${path}`).set('Accept', 'application/json');
  if (origin) req.set('Origin', origin);
  return req.send(body);
}

export function postForm(http: Http, path: string, origin: string | null, body: Record<string, string>) {
  const req = request(http).post(`/api/submissions/${path}`).type('form').set('Accept', 'text/html');
  if (origin) req.set('Origin', origin);
  return req.send(body);
}

/** Every Q&A row (drafts and published) with the fields the tests look at. */
export async function qaRows(strapi: Core.Strapi, where: Record<string, unknown> = {}) {
  return (await strapi.db.query(QA).findMany({
    where,
    populate: {
      owningSite: { select: ['code'] },
      fields: { select: ['code'] },
      dialogue: { select: ['documentId'] },
      forwardedFrom: { select: ['code'] },
    },
  })) as Array<Record<string, unknown> & { owningSite: { code: string } | null }>;
}

/** A real question from the public ALQAC set is not needed for form mechanics; these are plain. */
export const QUESTIONS = {
  retirement:
    'Theo Bộ luật Lao động năm 2019, người lao động nam nghỉ hưu ở tuổi nào khi làm việc trong điều kiện bình thường?',
  marriage: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài thực hiện ở đâu và cần những giấy tờ gì?',
  land: 'Khi Nhà nước thu hồi đất nông nghiệp, hộ gia đình được bồi thường như thế nào theo Luật Đất đai năm 2024?',
};

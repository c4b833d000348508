import request from 'supertest';
import { DOCUMENT_REVIEW_MESSAGES } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, type AccountKey, type World } from './federation-support';
import { censusAct } from './fixtures';

/**
 * Legal documents go through review (issue 18, item 4) on a real Strapi with the federation's
 * real roles: through the admin API (what the admin panel sends) and through the Document
 * Service inside a request of each role. Editors submit; reviewers approve, then publish; the
 * national administrator alone may publish an unapproved document, with a reason that the
 * audit log keeps; the seed's system writes pass.
 */
const DOCUMENT = 'api::legal-document.legal-document';
const CM = `/content-manager/collection-types/${DOCUMENT}`;
const URGENT_REASON = 'Nghị quyết có hiệu lực từ ngày thông qua; người duyệt của đơn vị đang đi công tác.';

let cms: TestCms;
let world: World;

beforeAll(async () => {
  cms = await startTestCms('document-review');
  world = await buildWorld(cms.strapi, cms.http);
}, 300_000);
afterAll(async () => {
  await cms?.stop();
});

const as = (who: AccountKey | 'superAdmin') => ({
  create: (data: Record<string, unknown>) =>
    request(cms.http).post(CM).query({ locale: 'vi' }).set(bearer(world.tokens[who])).send(data),
  update: (documentId: string, data: Record<string, unknown>) =>
    request(cms.http)
      .put(`${CM}/${documentId}`)
      .query({ locale: 'vi' })
      .set(bearer(world.tokens[who]))
      .send(data),
  publish: (documentId: string, data: Record<string, unknown> = {}, locale = 'vi') =>
    request(cms.http)
      .post(`${CM}/${documentId}/actions/publish`)
      .query({ locale })
      .set(bearer(world.tokens[who]))
      .send(data),
});

/** Hà Nội's copy of the real resolution that reorganised its communes (16 June 2025). */
const hanoiResolution = () => ({
  number: '1656/NQ-UBTVQH15',
  documentType: 'nasc_resolution',
  title: 'Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025',
  abstract: 'Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025',
  issuedDate: '2025-06-16',
  effectiveFrom: '2025-06-16',
  scope: 'local',
  scopeSite: { connect: [{ documentId: world.sites.hanoi.documentId }] },
  owningSite: { connect: [{ documentId: world.sites.hanoi.documentId }] },
});

/** A real national act from the census (number, title, dates), owned by the national portal. */
const nationalAct = (number: string) => {
  const act = censusAct(number);
  return {
    number: act.official_number,
    documentType: 'law',
    title: act.title,
    abstract: act.description,
    issuedDate: act.issued_date,
    effectiveFrom: act.in_force_date,
    scope: 'national',
    owningSite: { connect: [{ documentId: world.sites.national.documentId }] },
  };
};

async function stored(documentId: string) {
  const rows = (await cms.strapi.db.query(DOCUMENT).findMany({
    where: { documentId },
    select: ['reviewState', 'urgentPublishReason', 'publishedAt', 'locale', 'title'],
  })) as Array<{
    reviewState: string;
    urgentPublishReason: string | null;
    publishedAt: string | null;
    locale: string;
    title: string;
  }>;
  const drafts = rows.filter((r) => r.publishedAt === null);
  return {
    reviewState: [...new Set(drafts.map((r) => r.reviewState))],
    urgentPublishReason: drafts[0]?.urgentPublishReason ?? null,
    published: rows
      .filter((r) => r.publishedAt !== null)
      .map((r) => r.locale)
      .sort(),
  };
}

async function auditOf(documentId: string) {
  return (await cms.strapi.db.query('api::audit-entry.audit-entry').findMany({
    where: { itemDocumentId: documentId },
    orderBy: { id: 'asc' },
  })) as Array<{
    action: string;
    actorEmail: string | null;
    changes: Record<string, unknown> | null;
    siteCode: string | null;
  }>;
}

/** Runs `fn` in a request of a real signed-in admin user (roles populated), as the admin API does. */
async function asUser<T>(who: AccountKey | 'superAdmin', fn: () => Promise<T>): Promise<T> {
  const user = await cms.strapi.db
    .query('admin::user')
    .findOne({ where: { id: world.userIds[who] }, populate: ['roles'] });
  const ctx = {
    state: { user, auth: { strategy: { name: 'admin' }, credentials: user } },
    request: { ip: '203.0.113.18', header: { 'user-agent': 'document-review test' } },
  };
  return (
    cms.strapi.requestContext as unknown as { run: (c: unknown, f: () => Promise<T>) => Promise<T> }
  ).run(ctx, fn);
}

const documents = () =>
  cms.strapi.documents(DOCUMENT as never) as unknown as {
    create: (p: unknown) => Promise<{ documentId: string }>;
    update: (p: unknown) => Promise<unknown>;
    publish: (p: unknown) => Promise<unknown>;
  };

describe('through the admin API', () => {
  let resolution: string;

  test('a unit editor writes and submits a document but can neither approve nor publish it', async () => {
    const created = await as('hanoiEditor').create(hanoiResolution()).expect(201);
    resolution = created.body.data.documentId;
    expect(await stored(resolution)).toEqual({
      reviewState: ['draft'],
      urgentPublishReason: null,
      published: [],
    });

    const publish = await as('hanoiEditor').publish(resolution);
    expect(publish.status).toBe(403);
    expect(publish.body.error.message).toBe(DOCUMENT_REVIEW_MESSAGES.approval_required);
    expect(publish.body.error.details.errors[0].path).toEqual(['reviewState']);

    const approve = await as('hanoiEditor').update(resolution, { reviewState: 'approved' });
    expect(approve.status).toBe(403);
    expect(approve.body.error.message).toBe(DOCUMENT_REVIEW_MESSAGES.reviewer_only);

    await as('hanoiEditor').update(resolution, { reviewState: 'submitted' }).expect(200);
    expect(await stored(resolution)).toMatchObject({ reviewState: ['submitted'], published: [] });
  });

  test('a reviewer may not publish a submitted document before approving it, unlike an editorial item', async () => {
    const res = await as('hanoiAdmin').publish(resolution);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(DOCUMENT_REVIEW_MESSAGES.reviewer_approval_required);
    // A reason does not help without the right.
    await as('hanoiAdmin').update(resolution, { urgentPublishReason: URGENT_REASON }).expect(200);
    expect((await as('hanoiAdmin').publish(resolution)).status).toBe(403);
    expect((await stored(resolution)).published).toEqual([]);
  });

  test('approving and publishing from the form (the panel saves, then publishes) is recorded as two steps', async () => {
    await as('hanoiAdmin')
      .publish(resolution, { reviewState: 'approved', reviewNote: 'Đã đối chiếu bản gốc.' })
      .expect(200);
    const after = await stored(resolution);
    expect(after).toEqual({ reviewState: ['approved'], urgentPublishReason: null, published: ['vi'] });
    const entries = await auditOf(resolution);
    const approval = entries.find(
      (e) =>
        e.action === 'update' &&
        (e.changes?.reviewState as { after?: string } | undefined)?.after === 'approved',
    );
    expect(approval).toMatchObject({ actorEmail: world.emails.hanoiAdmin });
    expect(entries.at(-1)).toMatchObject({ action: 'publish', actorEmail: world.emails.hanoiAdmin });
    expect(entries.some((e) => e.action === 'urgent_publish')).toBe(false);
  });

  test('an editor changing the approved document sends it back; an unchanged save keeps the approval', async () => {
    const { title } = hanoiResolution();
    await as('hanoiEditor').update(resolution, { title }).expect(200);
    expect((await stored(resolution)).reviewState).toEqual(['approved']);
    await as('hanoiEditor')
      .update(resolution, {
        abstract: 'Sắp xếp 526 xã, phường của Hà Nội thành 126 đơn vị hành chính cấp xã.',
      })
      .expect(200);
    expect((await stored(resolution)).reviewState).toEqual(['submitted']);
    expect((await as('hanoiEditor').publish(resolution)).status).toBe(403);
  });

  test('the national administrator publishes urgently only with a reason, and the audit log keeps it', async () => {
    const created = await as('nationalEditor').create(nationalAct('31/2024/QH15')).expect(201);
    const landLaw = created.body.data.documentId as string;
    await as('nationalEditor').update(landLaw, { reviewState: 'submitted' }).expect(200);

    const bare = await as('nationalAdmin').publish(landLaw);
    expect(bare.status).toBe(403);
    expect(bare.body.error.message).toBe(DOCUMENT_REVIEW_MESSAGES.urgent_reason_required);
    expect(bare.body.error.details.errors[0].path).toEqual(['urgentPublishReason']);
    const short = await as('nationalAdmin').publish(landLaw, { urgentPublishReason: 'gấp' });
    expect(short.status).toBe(403);
    expect((await stored(landLaw)).published).toEqual([]);

    // The reason is typed into the form and sent with the publish, as the admin panel does.
    await as('nationalAdmin').publish(landLaw, { urgentPublishReason: URGENT_REASON }).expect(200);
    expect(await stored(landLaw)).toEqual({
      reviewState: ['submitted'], // still in the reviewers' queue, reviewed after the fact
      urgentPublishReason: URGENT_REASON,
      published: ['vi'],
    });
    const urgent = (await auditOf(landLaw)).filter((e) => e.action === 'urgent_publish');
    expect(urgent).toHaveLength(1);
    expect(urgent[0]).toMatchObject({
      actorEmail: world.emails.nationalAdmin,
      siteCode: 'quoc-gia',
      changes: { reason: URGENT_REASON, reviewState: { before: 'submitted', after: 'submitted' } },
    });

    // Reviewed afterwards: approved and published again, which closes the episode.
    await as('nationalAdmin')
      .publish(landLaw, { reviewState: 'approved', urgentPublishReason: URGENT_REASON })
      .expect(200);
    expect(await stored(landLaw)).toEqual({
      reviewState: ['approved'],
      urgentPublishReason: null,
      published: ['vi'],
    });
    expect((await auditOf(landLaw)).filter((e) => e.action === 'urgent_publish')).toHaveLength(1);
  });

  test('the review fields and the reason never leave the CMS', async () => {
    const rest = await request(cms.http).get('/api/legal-documents').query({ locale: 'vi' }).expect(200);
    expect(rest.body.data.length).toBeGreaterThan(0);
    for (const document of rest.body.data) {
      expect(document).not.toHaveProperty('reviewState');
      expect(document).not.toHaveProperty('reviewNote');
      expect(document).not.toHaveProperty('urgentPublishReason');
    }
    await request(cms.http)
      .get('/api/legal-documents')
      .query({ 'filters[urgentPublishReason][$notNull]': 'true' })
      .expect(400);
    const graphql = await request(cms.http)
      .post('/graphql')
      .send({ query: '{ legalDocuments { number urgentPublishReason } }' });
    expect(graphql.body.errors[0].message).toContain('urgentPublishReason'); // "no such field", in Vietnamese since the public-surface work
  });
});

describe('through the Document Service, as each real role', () => {
  test('a commune reviewer approves, then publishes; an unapproved publish is refused', async () => {
    const { documentId } = await asUser('editorA', () =>
      documents().create({
        locale: 'vi',
        data: {
          ...nationalAct('45/2019/QH14'),
          owningSite: world.sites.communeA.documentId,
        },
      }),
    );
    await expect(asUser('editorA', () => documents().publish({ documentId, locale: 'vi' }))).rejects.toThrow(
      DOCUMENT_REVIEW_MESSAGES.approval_required,
    );
    await asUser('editorA', () =>
      documents().update({ documentId, locale: 'vi', data: { reviewState: 'submitted' } }),
    );
    await expect(
      asUser('reviewerA', () => documents().publish({ documentId, locale: 'vi' })),
    ).rejects.toThrow(DOCUMENT_REVIEW_MESSAGES.reviewer_approval_required);
    // The refusal is in the audit log, against the reviewer and the document's site.
    expect((await auditOf(documentId)).filter((e) => e.action === 'denied').at(-1)).toMatchObject({
      actorEmail: world.emails.reviewerA,
      siteCode: 'ha-noi-ba-dinh',
      changes: { attempted: 'publish', reason: DOCUMENT_REVIEW_MESSAGES.reviewer_approval_required },
    });
    await asUser('reviewerA', () =>
      documents().update({ documentId, locale: 'vi', data: { reviewState: 'approved' } }),
    );
    await asUser('reviewerA', () => documents().publish({ documentId, locale: 'vi' }));
    expect(await stored(documentId)).toMatchObject({ reviewState: ['approved'], published: ['vi'] });
  });

  test('the super admin holds the urgent right too; creating and publishing at once needs the reason', async () => {
    const data = { ...nationalAct('24/2018/QH14'), owningSite: world.sites.national.documentId };
    await expect(
      asUser('superAdmin', () => documents().create({ locale: 'vi', status: 'published', data })),
    ).rejects.toThrow(DOCUMENT_REVIEW_MESSAGES.urgent_reason_required);
    expect(await cms.strapi.db.query(DOCUMENT).count({ where: { number: data.number } })).toBe(0);

    const { documentId } = await asUser('superAdmin', () =>
      documents().create({
        locale: 'vi',
        status: 'published',
        data: { ...data, urgentPublishReason: URGENT_REASON },
      }),
    );
    expect(await stored(documentId)).toMatchObject({ reviewState: ['submitted'], published: ['vi'] });
    expect((await auditOf(documentId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['urgent_publish']),
    );
  });

  test('a national editor cannot use the urgent right by sending a reason', async () => {
    const data = { ...nationalAct('59/2020/QH14'), owningSite: world.sites.national.documentId };
    await expect(
      asUser('nationalEditor', () =>
        documents().create({
          locale: 'vi',
          status: 'published',
          data: { ...data, urgentPublishReason: URGENT_REASON },
        }),
      ),
    ).rejects.toThrow(DOCUMENT_REVIEW_MESSAGES.approval_required);
  });

  test('system writes (seed, scripts: no signed-in user) create and publish documents as before', async () => {
    const act = nationalAct('20/2023/QH15');
    const { documentId } = await documents().create({
      locale: 'vi',
      status: 'published',
      data: { ...act, owningSite: world.sites.national.documentId },
    });
    expect(await stored(documentId)).toMatchObject({ published: ['vi'] });
    expect(
      (await auditOf(documentId)).some((e) => e.action === 'urgent_publish' || e.action === 'denied'),
    ).toBe(false);
  });
});

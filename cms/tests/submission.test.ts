import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import {
  QUESTIONS,
  formToken,
  postForm,
  postJson,
  publishSiteAt,
  qaRows,
  submissionEnv,
} from './submission-support';

/**
 * The public question form over HTTP, as a citizen's browser sends it from a registered site:
 * JSON from the form's script, urlencoded from a page without JavaScript. Every refusal is a 4xx
 * with a Vietnamese message and stores nothing.
 */
const ORIGIN = 'https://pbgdpl.hanoi.example.vn';
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;
let token: string;

beforeAll(async () => {
  submissionEnv();
  cms = await startTestCms('submission');
  registry = await createRegistry(cms.strapi);
  await publishSiteAt(cms.strapi, registry.sites.hanoi, `${ORIGIN}/`);
  token = await formToken(cms.http, 'ha-noi', ORIGIN);
});
afterAll(async () => {
  await cms?.stop();
});

const question = (extra: Record<string, string | boolean> = {}) => ({
  site: 'ha-noi',
  token,
  question: QUESTIONS.retirement,
  field: 'lao-dong-tien-luong',
  name: 'Nguyễn Thị Hỏi',
  email: 'nguoi.hoi@example.vn',
  phone: '0912 345 678',
  consent: true,
  ...extra,
});

const count = async () => (await qaRows(cms.strapi)).length;

describe('form tokens', () => {
  test('a registered site’s page gets a signed token with its expiry; the answer is for that site only', async () => {
    const res = await request(cms.http)
      .get('/api/submissions/token?site=ha-noi')
      .set('Origin', ORIGIN)
      .expect(200);
    expect(res.body.data).toEqual({
      site: 'ha-noi',
      token: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(Date.parse(res.body.data.expiresAt) - Date.now()).toBeGreaterThan(3600_000);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = await request(cms.http).get('/api/submissions/token?site=ha-noi&for=page').expect(200);
    expect(Date.parse(page.body.data.expiresAt) - Date.now()).toBeGreaterThan(30 * 86400_000);
  });

  test('an unknown site and a foreign page are refused in Vietnamese', async () => {
    const unknown = await request(cms.http).get('/api/submissions/token?site=khong-co').expect(404);
    expect(unknown.body.error.message).toBe('Không có trang PBGDPL nào mang mã “khong-co” trong sổ đăng ký.');
    const foreign = await request(cms.http)
      .get('/api/submissions/token?site=ha-noi')
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(foreign.body.error.code).toBe('foreign_origin');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('CORS preflight: answered for registered sites only', async () => {
    const ok = await request(cms.http)
      .options('/api/submissions/questions')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(ok.headers['access-control-allow-methods']).toBe('GET, POST');
    const foreign = await request(cms.http)
      .options('/api/submissions/questions')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('a legal question', () => {
  test('sent as JSON: a Q&A draft "received" with a tracking code, its field and the private contact data', async () => {
    const res = await postJson(cms.http, 'questions', ORIGIN, question()).expect(201);
    const code = res.body.data.trackingCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(res.body.data).toMatchObject({
      kind: 'question',
      status: 'received',
      site: { code: 'ha-noi', name: 'Thành phố Hà Nội' },
      formattedCode: `${code.slice(0, 5)}-${code.slice(5)}`,
      statusPath: `/api/submissions/status/${code}`,
    });
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    const [row, ...others] = await qaRows(cms.strapi, { trackingCode: code });
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      locale: 'vi',
      publishedAt: null,
      handlingStatus: 'received',
      title: QUESTIONS.retirement,
      question: QUESTIONS.retirement,
      askerName: 'Nguyễn Thị Hỏi',
      askerEmail: 'nguoi.hoi@example.vn',
      askerPhone: '0912345678',
      consentToPublish: true,
      owningSite: { code: 'ha-noi' },
      fields: [{ code: 'lao-dong-tien-luong' }],
      reviewState: 'draft',
    });
    expect(Math.abs(Date.parse(String(row!.receivedAt)) - Date.now())).toBeLessThan(60_000);
  });

  test('sent without JavaScript: 303 to the site’s confirmation page with the code', async () => {
    const res = await postForm(cms.http, 'questions', ORIGIN, {
      site: 'ha-noi',
      token,
      question: QUESTIONS.marriage,
      returnTo: `${ORIGIN}/hoi-dap/da-gui/`,
      website: '',
    }).expect(303);
    const location = new URL(res.headers.location!);
    expect(`${location.origin}${location.pathname}`).toBe(`${ORIGIN}/hoi-dap/da-gui/`);
    const code = location.searchParams.get('ma')!;
    expect((await qaRows(cms.strapi, { trackingCode: code }))[0]).toMatchObject({
      askerName: null,
      askerEmail: null,
      consentToPublish: false,
      question: QUESTIONS.marriage,
    });
  });

  test('without JavaScript and without a confirmation page: a Vietnamese page with the code', async () => {
    const res = await postForm(cms.http, 'questions', null, {
      site: 'ha-noi',
      token,
      question: QUESTIONS.land,
    }).expect(201);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<h1>Đã gửi thành công</h1>');
    expect(res.text).toMatch(/Mã tra cứu: <code>[0-9A-Z]{5}-[0-9A-Z]{5}<\/code>/);
  });

  test('decomposed Vietnamese (NFD) is stored composed (NFC)', async () => {
    const text = 'Người thừa kế theo pháp luật gồm những hàng nào theo Bộ luật Dân sự năm 2015?';
    const res = await postJson(
      cms.http,
      'questions',
      ORIGIN,
      question({ question: text.normalize('NFD'), name: 'Trần Văn Đức'.normalize('NFD') }),
    ).expect(201);
    const [row] = await qaRows(cms.strapi, { trackingCode: res.body.data.trackingCode });
    expect(row!.question).toBe(text.normalize('NFC'));
    expect(row!.askerName).toBe('Trần Văn Đức'.normalize('NFC'));
    expect(String(row!.question).length).toBe(text.normalize('NFC').length);
  });
});

describe('refusals: a 4xx with a Vietnamese message, nothing stored', () => {
  async function refused(
    send: () => Promise<request.Response>,
    status: number,
    code: string,
    message: RegExp,
  ) {
    const before = await count();
    const res = await send();
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    expect(res.body.error.message).toMatch(message);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|Error:/);
    expect(await count()).toBe(before);
    return res;
  }

  test('honeypot filled', async () => {
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ website: 'http://spam.example' })),
      400,
      'honeypot',
      /ô ẩn/,
    );
  });

  test('missing, forged, expired and other-site tokens', async () => {
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ token: '' })),
      403,
      'token_missing',
      /thiếu mã xác nhận/,
    );
    const [payload, signature] = token.split('.');
    const forged = `${payload}.${signature!.slice(0, -2)}AA`;
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ token: forged })),
      403,
      'token_invalid',
      /không hợp lệ/,
    );
    const service = cms.strapi.service('api::submission.submission') as unknown as {
      issueToken: (site: string, options: { now?: Date; lifetimeSeconds?: number }) => string;
    };
    const expired = service.issueToken('ha-noi', {
      now: new Date(Date.now() - 3 * 3600_000),
      lifetimeSeconds: 7200,
    });
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ token: expired })),
      403,
      'token_expired',
      /Biểu mẫu đã hết hạn/,
    );
    const national = service.issueToken('quoc-gia', {});
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ token: national })),
      403,
      'token_wrong_site',
      /thuộc trang khác/,
    );
  });

  test('a question over 5,000 characters', async () => {
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ question: `${QUESTIONS.land} `.repeat(60) })),
      400,
      'too_long',
      /^Câu hỏi quá dài: [\d.]+ ký tự, tối đa 5\.000 ký tự\.$/,
    );
  });

  test('HTML and script payloads', async () => {
    for (const payload of [
      `${QUESTIONS.land}<script>alert(document.cookie)</script>`,
      `<img src=x onerror=alert(1)> ${QUESTIONS.land}`,
      `${QUESTIONS.land} <a href="javascript:alert(1)">xem</a>`,
    ]) {
      await refused(
        () => postJson(cms.http, 'questions', ORIGIN, question({ question: payload })),
        400,
        'markup',
        /không được chứa mã HTML/,
      );
    }
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ name: '<b>Tên</b>' })),
      400,
      'markup',
      /^Họ tên không được chứa/,
    );
  });

  test('invalid fields, all named', async () => {
    const res = await refused(
      () =>
        postJson(
          cms.http,
          'questions',
          ORIGIN,
          question({ email: 'khong-phai-email', phone: 'abc', question: 'ngắn' }),
        ),
      400,
      'invalid',
      /^Câu hỏi quá ngắn/,
    );
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([
      'question',
      'email',
      'phone',
    ]);
  });

  test('the same question to the same site again (any spacing, case or Unicode form)', async () => {
    const text = 'Người lao động có được nghỉ việc riêng hưởng nguyên lương khi kết hôn không?';
    await postJson(cms.http, 'questions', ORIGIN, question({ question: text })).expect(201);
    await refused(
      () =>
        postJson(
          cms.http,
          'questions',
          ORIGIN,
          question({ question: `  ${text.toUpperCase().normalize('NFD')}  ` }),
        ),
      409,
      'duplicate',
      /đã được gửi tới trang này gần đây/,
    );
    const elsewhere = await postJson(
      cms.http,
      'questions',
      ORIGIN,
      question({ site: 'quoc-gia', token: await formToken(cms.http, 'quoc-gia', ORIGIN), question: text }),
    );
    expect(elsewhere.status).toBe(201);
  });

  test('an unknown site, an unknown field', async () => {
    const service = cms.strapi.service('api::submission.submission') as unknown as {
      issueToken: (site: string) => string;
    };
    await refused(
      () =>
        postJson(
          cms.http,
          'questions',
          ORIGIN,
          question({ site: 'khong-co', token: service.issueToken('khong-co') }),
        ),
      404,
      'unknown_site',
      /Không có trang PBGDPL nào mang mã “khong-co”/,
    );
    await refused(
      () => postJson(cms.http, 'questions', ORIGIN, question({ field: 'khong-co' })),
      400,
      'unknown_field',
      /Không có lĩnh vực/,
    );
  });

  test('a foreign origin, as JSON and as a plain form (an HTML page)', async () => {
    await refused(
      () => postJson(cms.http, 'questions', 'https://evil.example', question()),
      403,
      'foreign_origin',
      /chỉ được gửi từ các trang PBGDPL/,
    );
    const before = await count();
    const page = await postForm(cms.http, 'questions', 'https://evil.example', {
      site: 'ha-noi',
      token,
      question: QUESTIONS.land,
    });
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Biểu mẫu chỉ được gửi từ các trang PBGDPL đã đăng ký.');
    const referer = await request(cms.http)
      .post('/api/submissions/questions')
      .set('Referer', 'https://evil.example/trang.html')
      .send(question({ question: QUESTIONS.land }));
    expect(referer.status).toBe(403);
    expect(await count()).toBe(before);
  });

  test('a confirmation page outside the registered sites', async () => {
    await refused(
      () =>
        postJson(cms.http, 'questions', ORIGIN, {
          ...question({ question: QUESTIONS.land }),
          returnTo: 'https://evil.example/cam-on',
        }),
      400,
      'bad_return_to',
      /không thuộc trang PBGDPL/,
    );
  });

  test('per-address and per-site rate limits (429 with Retry-After), counted in the database', async () => {
    const settings = (
      cms.strapi.service('api::submission.submission') as unknown as {
        settings: () => { ipLimits: unknown[]; siteLimits: unknown[] };
      }
    ).settings();
    const saved = { ip: settings.ipLimits, site: settings.siteLimits };
    try {
      settings.ipLimits = [{ limit: 1, windowSeconds: 3600 }];
      const before = await count();
      const first = await postJson(
        cms.http,
        'questions',
        ORIGIN,
        question({ question: `${QUESTIONS.land} (lần 1)` }),
      );
      // The window may already hold earlier requests of this suite: the first is refused too then.
      const res = await postJson(
        cms.http,
        'questions',
        ORIGIN,
        question({ question: `${QUESTIONS.land} (lần 2)` }),
      );
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
      expect(res.body.error.message).toMatch(
        /^Bạn đã gửi quá nhiều lần trong thời gian ngắn\. Hãy thử lại sau \d+ (phút|giờ|giây)\.$/,
      );
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await count()).toBe(before + (first.status === 201 ? 1 : 0));
      const rows = await cms.strapi.db
        .connection('pbgdpl_submission_counters')
        .where('bucket', 'like', 'ip:%');
      expect(rows.length).toBeGreaterThan(0);

      settings.ipLimits = saved.ip;
      settings.siteLimits = [{ limit: 1, windowSeconds: 3600 }];
      const busy = await postJson(
        cms.http,
        'questions',
        ORIGIN,
        question({ question: `${QUESTIONS.land} (lần 3)` }),
      );
      expect(busy.status).toBe(429);
      expect(busy.body.error).toMatchObject({
        code: 'site_busy',
        message: expect.stringMatching(/^Trang “Thành phố Hà Nội” đang nhận quá nhiều câu hỏi/),
      });
    } finally {
      settings.ipLimits = saved.ip;
      settings.siteLimits = saved.site;
    }
  });

  test('an oversized body, a malformed body, a wrong content type, an unknown address', async () => {
    const big = await postJson(cms.http, 'questions', ORIGIN, question({ question: 'x'.repeat(40_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/quá lớn/);
    const malformed = await request(cms.http)
      .post('/api/submissions/questions')
      .set('Origin', ORIGIN)
      .set('Content-Type', 'application/json')
      .send('{"site": "ha-noi", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe(
      'Không đọc được dữ liệu gửi lên. Hãy gửi lại từ biểu mẫu trên trang.',
    );
    const text = await request(cms.http)
      .post('/api/submissions/questions')
      .set('Content-Type', 'text/plain')
      .send('xin chào');
    expect(text.status).toBe(415);
    const unknown = await request(cms.http).get('/api/submissions/khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Không có địa chỉ này/);
  });
});

describe('the embeddable form (sites/template/src/forms/question-form.html)', () => {
  test('posts every one of its fields, as a browser without JavaScript would, and lands on the confirmation page', async () => {
    const html = fs.readFileSync(
      // The form the sites serve (docs/forms.md): read as a file, the CMS imports nothing of the template.
      path.resolve(__dirname, '..', '..', 'sites', 'template', 'src', 'forms', 'question-form.html'),
      'utf8',
    );
    const names = [...html.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    expect(names.sort()).toEqual(
      [
        'consent',
        'email',
        'field',
        'name',
        'phone',
        'question',
        'returnTo',
        'site',
        'token',
        'website',
      ].sort(),
    );
    expect(html).toMatch(/action="\{\{CMS_URL\}\}\/api\/submissions\/questions"/);
    const values: Record<string, string> = {
      site: 'ha-noi',
      token: (await request(cms.http).get('/api/submissions/token?site=ha-noi&for=page').expect(200)).body
        .data.token,
      returnTo: `${ORIGIN}/hoi-dap/da-gui/`,
      question: 'Người lao động làm việc vào ngày lễ được trả lương ít nhất bằng bao nhiêu phần trăm?',
      field: 'lao-dong-tien-luong',
      name: 'Vũ Minh Khang',
      email: 'vu.khang@example.vn',
      phone: '+84 90 111 2233',
      consent: 'on',
      website: '',
    };
    const res = await postForm(
      cms.http,
      'questions',
      ORIGIN,
      Object.fromEntries(names.map((n) => [n, values[n!]!])),
    ).expect(303);
    const code = new URL(res.headers.location!).searchParams.get('ma');
    expect((await qaRows(cms.strapi, { trackingCode: code }))[0]).toMatchObject({
      askerPhone: '+84901112233',
      consentToPublish: true,
    });
  });
});

describe('a question to a policy dialogue', () => {
  const day = 86_400_000;
  const dialogues: Record<string, string> = {};
  async function dialogue(title: string, opensIn: number, closesIn: number, publish = true): Promise<string> {
    const now = Date.now();
    const created = (await cms.strapi.documents('api::dialogue.dialogue').create({
      locale: 'vi',
      data: {
        title,
        topic: `Lấy ý kiến: ${title}`,
        opensAt: new Date(now + opensIn * day).toISOString(),
        closesAt: new Date(now + closesIn * day).toISOString(),
        audience: 'all_sites',
        owningSite: registry.sites.hanoi,
      },
    } as never)) as { documentId: string };
    if (publish)
      await cms.strapi
        .documents('api::dialogue.dialogue')
        .publish({ documentId: created.documentId, locale: 'vi' } as never);
    return created.documentId;
  }

  beforeAll(async () => {
    dialogues.open = await dialogue('Đối thoại về chính sách bồi thường khi thu hồi đất', -1, 1);
    dialogues.closed = await dialogue('Đối thoại về thủ tục hành chính năm trước', -10, -1);
    dialogues.planned = await dialogue('Đối thoại về Luật Nhà ở sửa đổi', 2, 10);
    dialogues.draft = await dialogue('Đối thoại chưa đăng', -1, 1, false);
  });

  const send = (dialogueId: string, extra: Record<string, string | boolean> = {}) =>
    postJson(cms.http, 'dialogue-questions', ORIGIN, {
      site: 'ha-noi',
      token,
      dialogue: dialogueId,
      question: 'Người dân có được nhận tiền hỗ trợ tái định cư khi tự lo chỗ ở mới không?',
      ...extra,
    });

  test('an open dialogue takes questions and comments; each is a Q&A of its host linked to it', async () => {
    const res = await send(dialogues.open!).expect(201);
    expect(res.body.data).toMatchObject({
      kind: 'dialogue-question',
      status: 'received',
      site: { code: 'ha-noi' },
    });
    const [row] = await qaRows(cms.strapi, { trackingCode: res.body.data.trackingCode });
    expect(row).toMatchObject({
      handlingStatus: 'received',
      owningSite: { code: 'ha-noi' },
      dialogue: { documentId: dialogues.open },
    });
    const comment = await send(dialogues.open!, {
      kind: 'comment',
      question: 'Đề nghị công khai bảng giá đất bồi thường trước khi họp dân.',
    }).expect(201);
    expect((await qaRows(cms.strapi, { trackingCode: comment.body.data.trackingCode }))[0]!.title).toBe(
      'Góp ý: Đề nghị công khai bảng giá đất bồi thường trước khi họp dân.',
    );
    const status = await request(cms.http)
      .get(`/api/submissions/status/${res.body.data.trackingCode}`)
      .expect(200);
    expect(status.body.data).toMatchObject({
      kind: 'dialogue-question',
      dialogue: { title: 'Đối thoại về chính sách bồi thường khi thu hồi đất' },
    });
  });

  test('a closed or not yet open dialogue refuses with its dates; an unpublished one is not found', async () => {
    const before = await count();
    const closed = await send(dialogues.closed!);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: 'dialogue_closed',
      message: expect.stringMatching(
        /^Cuộc đối thoại đã kết thúc lúc \d\d:\d\d \d\d\/\d\d\/\d{4}: không nhận thêm câu hỏi\.$/,
      ),
    });
    const planned = await send(dialogues.planned!);
    expect(planned.status).toBe(409);
    expect(planned.body.error.message).toMatch(/^Cuộc đối thoại chưa mở: bắt đầu nhận câu hỏi từ /);
    const draft = await send(dialogues.draft!);
    expect(draft.status).toBe(404);
    expect(draft.body.error.message).toMatch(/^Không tìm thấy cuộc đối thoại/);
    expect(await count()).toBe(before);
  });

  test('a dialogue its host closed early refuses too', async () => {
    await cms.strapi.db
      .query('api::dialogue.dialogue')
      .updateMany({ where: { documentId: dialogues.open }, data: { phase: 'closed' } });
    const res = await send(dialogues.open!, {
      question: 'Thời hạn chi trả tiền bồi thường là bao lâu kể từ ngày có quyết định thu hồi?',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Cuộc đối thoại đã được đơn vị chủ trì đóng: không nhận thêm câu hỏi.',
    );
  });
});

describe('tracking', () => {
  test('the status by tracking code: status and dates only, never anyone’s data', async () => {
    const sent = await postJson(
      cms.http,
      'questions',
      ORIGIN,
      question({ question: 'Công chứng hợp đồng mua bán nhà ở có bắt buộc không khi mua nhà của cá nhân?' }),
    ).expect(201);
    const code = sent.body.data.trackingCode as string;
    const res = await request(cms.http)
      .get(`/api/submissions/status/${code.toLowerCase().replace(/^(.{5})/, '$1-')}`)
      .expect(200);
    expect(res.body.data).toEqual({
      trackingCode: `${code.slice(0, 5)}-${code.slice(5)}`,
      kind: 'question',
      status: 'received',
      label: 'Đã tiếp nhận',
      explanation: 'Câu hỏi đã đến cơ quan và đang chờ phân công trả lời.',
      site: { code: 'ha-noi', name: 'Thành phố Hà Nội' },
      receivedAt: expect.any(String),
      answeredAt: null,
      rejectionReason: null,
      answer: null,
      dialogue: null,
      report: null,
    });
    for (const secret of ['Nguyễn Thị Hỏi', 'nguoi.hoi@example.vn', '0912345678', '912 345'])
      expect(res.text).not.toContain(secret);

    const page = await request(cms.http)
      .get(`/api/submissions/status?ma=${code}`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('<dt>Tình trạng</dt><dd>Đã tiếp nhận</dd>');
    expect(page.text).not.toContain('nguoi.hoi@example.vn');
  });

  test('a malformed code is a 400, an unknown one a 404, both in Vietnamese', async () => {
    const bad = await request(cms.http).get('/api/submissions/status/abc').expect(400);
    expect(bad.body.error.message).toMatch(/^Mã tra cứu gồm 10 chữ và số/);
    const unknown = await request(cms.http).get('/api/submissions/status/0000000000').expect(404);
    expect(unknown.body.error.message).toBe('Không tìm thấy câu hỏi hay báo cáo nào với mã tra cứu này.');
  });
});

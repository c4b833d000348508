import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { superAdminToken } from './fixtures';
import { readBodySettings } from '../src/extensions/request-body/settings';

/**
 * Video skits are uploaded as files of up to 500 MB; other files stay at 50 MB; anything larger is
 * refused with a Vietnamese 413 that says the limit — at the upload plugin (per kind) or, past the
 * configured maximum, already at the body parser.
 */
const MB = 1024 * 1024;
/** The start of an MP4 file (an `ftyp` box), so content sniffing sees a video. */
const MP4_HEADER = Buffer.from('000000186674797069736f6d0000020069736f6d6d703431', 'hex');
const mp4 = (bytes: number) => Buffer.concat([MP4_HEADER, Buffer.alloc(bytes - MP4_HEADER.length)]);

type MiddlewareEntry = string | { name: string; config?: Record<string, unknown> };
const names = (entries: MiddlewareEntry[]) => entries.map((m) => (typeof m === 'string' ? m : m.name));

describe('with the default configuration', () => {
  let cms: TestCms;
  let token: string;

  beforeAll(async () => {
    delete process.env.UPLOAD_SIZE_LIMIT_BYTES;
    cms = await startTestCms('upload_limits');
    token = await superAdminToken(cms.strapi, cms.http);
  }, 300_000);
  afterAll(async () => {
    await cms?.stop();
  });

  const upload = (content: Buffer, filename: string, contentType: string) =>
    request(cms.http)
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', content, { filename, contentType });
  const stored = () => cms.strapi.db.query('plugin::upload.file').count({});

  test('the upload plugin and the body reader are configured for a 500 MB video', () => {
    expect(cms.strapi.config.get('plugin::upload.sizeLimit')).toBeGreaterThanOrEqual(500 * MB);
    const middlewares = names(cms.strapi.config.get('middlewares') as MiddlewareEntry[]);
    // `strapi::body` names our reader (src/extensions/request-body), not Strapi's parser.
    expect(middlewares).toContain('strapi::body');
    expect((cms.strapi.middleware('strapi::body') as { name: string }).name).toBe(
      'createRequestBodyMiddleware',
    );
    expect(readBodySettings().uploadBytes).toBeGreaterThanOrEqual(500 * MB);
  });

  test('a small video is uploaded and stored', async () => {
    const res = await upload(mp4(256 * 1024), 'tieu-pham-hoa-giai.mp4', 'video/mp4');
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'tieu-pham-hoa-giai.mp4', mime: 'video/mp4', ext: '.mp4' });
  });

  test('a file other than a video over 50 MB is refused with a Vietnamese 413, and nothing is stored', async () => {
    const before = await stored();
    const res = await upload(Buffer.alloc(51 * MB, 0x20), 'so-tay-qua-lon.txt', 'text/plain');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message:
        'Tệp "so-tay-qua-lon.txt" nặng 51 MB, vượt giới hạn 50 MB cho một tệp không phải video. ' +
        'Hãy giảm dung lượng tệp rồi tải lên lại.',
    });
    expect(await stored()).toBe(before);
  });

  test('the per-kind check the upload plugin runs: a 499 MB video passes, a 501 MB one is refused', async () => {
    // The same check the upload route runs (as above), with the sizes of real videos: sending
    // half a gigabyte through a test would only time the disk.
    const provider = cms.strapi.plugin('upload').service('provider') as {
      checkFileSize(file: { name: string; mime: string; size: number }): Promise<void>;
    };
    const video = (megabytes: number) => ({
      name: 'tieu-pham.mp4',
      mime: 'video/mp4',
      size: (megabytes * MB) / 1000, // kilobytes, as Strapi stores a file's size
    });
    await expect(provider.checkFileSize(video(499))).resolves.toBeUndefined();
    await expect(provider.checkFileSize(video(501))).rejects.toMatchObject({
      name: 'PayloadTooLargeError',
      message: expect.stringMatching(
        /^Tệp "tieu-pham.mp4" nặng 501 MB, vượt giới hạn 500 MB cho một video\./,
      ),
    });
  });
});

describe('past the configured maximum (lowered to 1 MB here)', () => {
  let cms: TestCms;
  let token: string;

  beforeAll(async () => {
    process.env.UPLOAD_SIZE_LIMIT_BYTES = String(1 * MB);
    cms = await startTestCms('upload_limits_lowered');
    token = await superAdminToken(cms.strapi, cms.http);
  }, 300_000);
  afterAll(async () => {
    delete process.env.UPLOAD_SIZE_LIMIT_BYTES;
    await cms?.stop();
  });

  test('the body reader refuses the request with a Vietnamese 413 that says the limits', async () => {
    const before = await cms.strapi.db.query('plugin::upload.file').count({});
    const res = await request(cms.http)
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', mp4(2 * MB), { filename: 'tieu-pham-dai.mp4', contentType: 'video/mp4' });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      status: 413,
      name: 'PayloadTooLargeError',
      message:
        'Tệp tải lên quá lớn: một video được tối đa 1 MB, tệp khác tối đa 1 MB. ' +
        'Hãy giảm dung lượng tệp rồi tải lên lại.',
    });
    expect(await cms.strapi.db.query('plugin::upload.file').count({})).toBe(before);
  });

  test('a file under the limit is still taken', async () => {
    const res = await request(cms.http)
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', mp4(512 * 1024), { filename: 'tieu-pham-ngan.mp4', contentType: 'video/mp4' });
    expect(res.status).toBe(201);
  });
});

/**
 * Test uploads and the items that show them, written over the CMS's REST API with an API token as
 * an editor's integration would: a 1,200 × 800 photo (Strapi makes thumbnail, small, medium and
 * large copies of it), a 640 × 480 diagram (thumbnail and small only) and a PDF leaflet. The
 * images are real PNGs drawn here (no binary fixture in the repository). Every item is marked as
 * a test item.
 */
import zlib from 'node:zlib';
import { createFullAccessToken, registerFirstAdmin } from './cms-api';

export interface UploadedFile {
  id: number;
  documentId: string;
  url: string;
  mime: string;
  width: number | null;
  height: number | null;
  alternativeText: string | null;
  formats: Record<string, { url: string; width: number; height: number }> | null;
  [key: string]: unknown;
}

/** A PNG of the given size: a colour gradient, so each of Strapi's copies has different bytes. */
export function pngImage(width: number, height: number): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const at = y * row + 1 + x * 3;
      raw[at] = (x * 255) / width;
      raw[at + 1] = (y * 255) / height;
      raw[at + 2] = ((x + y) * 7) % 256;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF that says what it is. */
export function pdfLeaflet(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** Registers the first admin and creates a full-access API token (the test database has no admin). */
export async function fullAccessToken(cmsUrl: string): Promise<string> {
  const adminJwt = await registerFirstAdmin(cmsUrl, {
    firstname: 'Kiểm',
    lastname: 'Thử',
    email: 'kiem-thu-anh@pbgdpl.test',
    password: 'KiemThu2026',
  });
  return createFullAccessToken(cmsUrl, adminJwt, 'kiem-thu-anh');
}

/** Uploads one file to the media library (POST /api/upload), with its alternative text. */
export async function uploadFile(
  cmsUrl: string,
  token: string,
  file: { name: string; mime: string; bytes: Buffer; alternativeText?: string },
): Promise<UploadedFile> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
  form.append('fileInfo', JSON.stringify({ name: file.name, alternativeText: file.alternativeText ?? null }));
  const res = await fetch(`${cmsUrl}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const json = (await res.json()) as UploadedFile[] | { error: unknown };
  if (!res.ok || !Array.isArray(json))
    throw new Error(`upload ${file.name} → ${res.status}: ${JSON.stringify(json)}`);
  return json[0]!;
}

export async function deleteUpload(cmsUrl: string, token: string, id: number): Promise<void> {
  await fetch(`${cmsUrl}/api/upload/files/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Creates and publishes an item owned by a site, shown on that site only. */
export async function publishItem(
  cmsUrl: string,
  token: string,
  collection: string,
  siteCode: string,
  data: Record<string, unknown>,
): Promise<{ documentId: string }> {
  const sites = (await (await fetch(`${cmsUrl}/api/sites?filters[code][$eq]=${siteCode}`)).json()) as {
    data: Array<{ documentId: string }>;
  };
  const res = await fetch(`${cmsUrl}/api/${collection}?locale=vi&status=published`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ data: { owningSite: sites.data[0]!.documentId, audience: 'own_site', ...data } }),
  });
  const json = (await res.json()) as { data?: { documentId: string } };
  if (!res.ok || !json.data)
    throw new Error(`POST /api/${collection} → ${res.status}: ${JSON.stringify(json)}`);
  return json.data;
}

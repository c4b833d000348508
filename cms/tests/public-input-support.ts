import fs from 'node:fs';
import http from 'node:http';
import type { Core } from '@strapi/strapi';

/**
 * The probes of the public-input suite: raw HTTP against a listening CMS (so a body can be sent
 * chunked, with a lying length, or cut off), the checks every answer must pass (a 4xx with a
 * Vietnamese message in our error shape), a fingerprint of the database, and the temporary
 * folder that must stay empty.
 */

export interface ProbeRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent with Content-Length unless `chunked`. */
  body?: Buffer | string;
  chunked?: boolean;
  /** Send this many bytes of `body` (announced whole) and then cut the connection. */
  abortAfter?: number;
}

export interface ProbeAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export function send(base: string, probe: ProbeRequest): Promise<ProbeAnswer | null> {
  const url = new URL(probe.path, base);
  const body = probe.body === undefined ? null : Buffer.from(probe.body);
  const headers: Record<string, string> = { ...probe.headers };
  if (body && !probe.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: probe.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
      });
      res.on('error', reject);
    });
    // A server that answers before reading the whole body closes the connection: not a failure.
    req.on('error', (error: NodeJS.ErrnoException) =>
      ['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? resolve(null) : reject(error),
    );
    if (body && probe.abortAfter !== undefined) {
      req.write(body.subarray(0, probe.abortAfter), () => setTimeout(() => req.destroy(), 50));
      setTimeout(() => resolve(null), 300);
      return;
    }
    if (body && probe.chunked) {
      // Several writes without a length: Node sends them as chunks.
      for (let offset = 0; offset < body.length; offset += 16 * 1024)
        req.write(body.subarray(offset, offset + 16 * 1024));
      req.end();
      return;
    }
    req.end(body ?? undefined);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The message of an answer in our error shape, or GraphQL's, or the text of a form's page. */
export function refusalMessage(answer: ProbeAnswer): string | null {
  const json = answer.json as { error?: { message?: unknown }; errors?: Array<{ message?: unknown }> } | null;
  if (typeof json?.error?.message === 'string') return json.error.message;
  if (typeof json?.errors?.[0]?.message === 'string') return json.errors[0].message;
  if (/<html lang="vi">/.test(answer.text)) return answer.text.replace(/<[^>]+>/g, ' ');
  return null;
}

/** Why an answer is not a clear Vietnamese refusal, or null when it is one. */
export function notAVietnameseRefusal(
  answer: ProbeAnswer | null,
  allowed?: readonly number[],
): string | null {
  if (!answer) return null; // the server cut the connection after refusing: nothing was taken
  if (answer.status < 400 || answer.status >= 500) return `answered ${answer.status}`;
  if (allowed && !allowed.includes(answer.status))
    return `answered ${answer.status}, expected ${allowed.join('/')}`;
  const message = refusalMessage(answer);
  if (!message)
    return `answered ${answer.status} without a message in our shape: ${answer.text.slice(0, 120)}`;
  if (!VIETNAMESE.test(message)) return `answered ${answer.status} in English: ${message.slice(0, 120)}`;
  if (/\/work\/|node_modules|at \w+ \(|\.js:\d+/.test(answer.text))
    return 'the answer shows a server path or stack';
  return null;
}

/** Tables whose rows are the limits' own bookkeeping, not stored content (a refusal may count). */
export const BOOKKEEPING_TABLES = new Set([
  'pbgdpl_submission_counters',
  'pbgdpl_login_failures',
  'strapi_sessions',
  'admin_api_tokens', // lastUsedAt moves when a token is used
]);

/**
 * A fingerprint of every table but the bookkeeping ones: on PostgreSQL the rows' text hashed, on
 * SQLite the row counts.
 */
export async function databaseFingerprint(strapi: Core.Strapi): Promise<Map<string, string>> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const tables =
    client === 'postgres'
      ? (
          (await knex.raw(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)) as {
            rows: Array<{ name: string }>;
          }
        ).rows.map((r) => r.name)
      : (
          (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table'`)) as Array<{ name: string }>
        ).map((r) => r.name);
  const result = new Map<string, string>();
  for (const table of tables.filter((t) => !BOOKKEEPING_TABLES.has(t)).sort()) {
    const sql =
      client === 'postgres'
        ? `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS f FROM "${table}" t`
        : `SELECT count(*) AS f FROM "${table}"`;
    const rows = (await knex.raw(sql)) as { rows?: Array<{ f: unknown }> } | Array<{ f: unknown }>;
    result.set(table, String((Array.isArray(rows) ? rows : rows.rows!)[0]!.f));
  }
  return result;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

/** Files and folders left in the temporary folder, waiting briefly for a cut-off request's clean-up. */
export async function leftInTemp(dir: string, waitMs = 0): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = fs.readdirSync(dir);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A multipart body with one file part (and an optional text field). */
export function multipart(
  fileBytes: number,
  fields: Record<string, string> = {},
): { body: Buffer; type: string } {
  const boundary = '----pbgdpl-probe-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="tai-lieu.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.alloc(fileBytes, 0x25),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

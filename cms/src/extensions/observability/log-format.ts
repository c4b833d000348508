/**
 * Strapi's logger (winston) writing one JSON object per line — `time`, `level`, `msg`, the
 * request id when the line belongs to a request, and any fields — in the same shape as the sync
 * engine's logs (`packages/sync-engine/src/log.ts`), for log shippers and `jq`. Strapi's request
 * line ("GET /api/x (3 ms) 200", strapi::logger) is split into `method`, `url`, `durationMs`,
 * `status`. Chosen by LOG_FORMAT (`json`, the default in production, or `pretty`).
 */
import { currentRequestId } from './request-id';

/** winston's keys for the final line and the level (triple-beam's, stable across winston 3). */
const MESSAGE = Symbol.for('message');
const LEVEL = Symbol.for('level');

type Info = Record<string | symbol, unknown> & { level: string; message: unknown };

const REQUEST_LINE = /^([A-Z]+) (\S+) \((\d+) ms\) (\d{3})$/;

/** Removes terminal colour codes some Strapi messages carry. */
// eslint-disable-next-line no-control-regex -- the escape character is exactly what is removed
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

export function toJsonLine(info: Info, now: Date): string {
  const { level, message, ...rest } = info;
  const msg = plain(message instanceof Error ? message.message : String(message ?? ''));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (key !== 'timestamp') fields[key] = value;
  const request = REQUEST_LINE.exec(msg);
  if (request) {
    fields.method = request[1];
    fields.url = request[2];
    fields.durationMs = Number(request[3]);
    fields.status = Number(request[4]);
  }
  if (message instanceof Error && message.stack) fields.stack = message.stack;
  const requestId = currentRequestId();
  return JSON.stringify({
    time: now.toISOString(),
    level: plain(String(info[LEVEL] ?? level)),
    msg,
    ...(requestId ? { requestId } : {}),
    ...fields,
  });
}

/** A winston format (the `{ transform }` contract) that writes each log line as JSON. */
export function jsonLogFormat(now: () => Date = () => new Date()) {
  return {
    transform(info: Info) {
      info[MESSAGE] = toJsonLine(info, now());
      return info;
    },
  };
}

/** Whether logs are JSON: LOG_FORMAT=json|pretty; JSON by default in production. */
export function wantsJsonLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  const format = env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be "json" or "pretty", not "${format}".`);
  return format === 'json';
}

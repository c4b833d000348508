import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Outgoing email through the SMTP server named by the environment (SMTP_HOST, SMTP_PORT,
 * SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM). Without SMTP_HOST nothing is sent (and
 * the CMS says so once at boot). This module sends one message to one recipient; the queue,
 * its retries and its worker are in ./outbox.ts and ./worker.ts.
 */

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** Milliseconds before each retry: a message is tried 1 + retryDelays.length times. */
  retryDelays: number[];
  /** How often the worker looks for due messages (a message also leaves at once after its write commits). */
  pollMs: number;
  /** Sent messages are deleted after this many days, failed ones after keepFailedDays (they hold addresses). */
  keepSentDays: number;
  keepFailedDays: number;
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  /** What kind of message this is, for log lines ("new-question", "answer", …). */
  kind: string;
}

/** 10 s, 1 min, 5 min, 30 min, 2 h, 6 h: a relay that is down for an afternoon loses nothing. */
const DEFAULT_RETRY_DELAYS_MS = '10000,60000,300000,1800000,7200000,21600000';

export function readMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT ?? '587');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}".`);
  const from = env.SMTP_FROM?.trim();
  if (!from)
    throw new Error('SMTP_FROM is required when SMTP_HOST is set (e.g. "PBGDPL <no-reply@pbgdpl.gov.vn>").');
  return {
    host,
    port,
    secure: (env.SMTP_SECURE ?? String(port === 465)) === 'true',
    user: env.SMTP_USER || null,
    password: env.SMTP_PASSWORD || null,
    from,
    retryDelays: (env.SMTP_RETRY_DELAYS_MS ?? DEFAULT_RETRY_DELAYS_MS)
      .split(',')
      .filter((part) => part.trim() !== '')
      .map(Number)
      .filter((n) => Number.isFinite(n) && n >= 0),
    pollMs: positive(env.SMTP_OUTBOX_POLL_MS, 10_000, 'SMTP_OUTBOX_POLL_MS'),
    keepSentDays: positive(env.SMTP_OUTBOX_KEEP_SENT_DAYS, 7, 'SMTP_OUTBOX_KEEP_SENT_DAYS'),
    keepFailedDays: positive(env.SMTP_OUTBOX_KEEP_FAILED_DAYS, 30, 'SMTP_OUTBOX_KEEP_FAILED_DAYS'),
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${value}".`);
  return n;
}

/** One SMTP connection pool; `deliver` sends one message to one recipient or throws. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly settings: MailSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      // A local relay on a private network may have no certificate; TLS is used when offered.
      tls: { rejectUnauthorized: process.env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false' },
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  /** @throws the transport's error (its `code`, e.g. ECONNREFUSED, is what gets logged). */
  async deliver(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, ...message });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * What a log line may say about a failure: the error's code or name, never its message (it can
 * quote an address). Nodemailer wraps a socket error as ESOCKET and keeps the system's code
 * (ECONNREFUSED, ETIMEDOUT…) as `originalCode`, which says more.
 */
export function failureCode(error: unknown): string {
  const { code, originalCode } = (error ?? {}) as { code?: unknown; originalCode?: unknown };
  for (const candidate of [originalCode, code]) {
    if (typeof candidate === 'string' && candidate) return candidate.slice(0, 60);
  }
  return error instanceof Error ? error.name.slice(0, 60) : 'Error';
}

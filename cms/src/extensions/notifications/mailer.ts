import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Outgoing email through the SMTP server named by the environment (SMTP_HOST, SMTP_PORT,
 * SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM). Without SMTP_HOST nothing is sent (and
 * the CMS says so once at boot). Messages leave after the write that caused them has committed,
 * in the background, each tried up to three times; a request never waits for the mail server.
 * Log lines name the kind of message and the error, never an address or a message's content.
 */

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** Milliseconds before the second and third tries. */
  retryDelays: number[];
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  /** What kind of message this is, for log lines ("new-question", "answer", …). */
  kind: string;
}

export type MailLog = (level: 'info' | 'warn' | 'error', line: string) => void;

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
    retryDelays: (env.SMTP_RETRY_DELAYS_MS ?? '2000,15000')
      .split(',')
      .map(Number)
      .filter((n) => n >= 0),
  };
}

export class Mailer {
  private readonly transport: Transporter | null;
  private readonly pending = new Set<Promise<void>>();
  /** Counts, for tests and the health of the service. */
  readonly stats = { sent: 0, failed: 0 };

  constructor(
    private readonly settings: MailSettings | null,
    private readonly log: MailLog,
  ) {
    this.transport = settings
      ? nodemailer.createTransport({
          host: settings.host,
          port: settings.port,
          secure: settings.secure,
          auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
          // A local relay on a private network may have no certificate; TLS is used when offered.
          tls: { rejectUnauthorized: process.env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false' },
          connectionTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Queues a message; returns at once. Messages without a recipient are dropped. */
  send(mail: OutgoingMail): void {
    if (!this.transport || !this.settings) return;
    const to = [...new Set(mail.to.map((a) => a.trim()).filter(Boolean))];
    if (to.length === 0) return;
    const job = this.deliver({ ...mail, to }).finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  /** Resolves when every queued message was sent or given up on (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.transport?.close();
  }

  private async deliver(mail: OutgoingMail): Promise<void> {
    const delays = [0, ...this.settings!.retryDelays];
    for (let attempt = 0; attempt < delays.length; attempt += 1) {
      if (delays[attempt]! > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
      try {
        // One envelope per recipient: staff lists must not reveal each other's addresses.
        for (const to of mail.to) {
          await this.transport!.sendMail({
            from: this.settings!.from,
            to,
            subject: mail.subject,
            text: mail.text,
          });
        }
        this.stats.sent += 1;
        return;
      } catch (error) {
        const reason = (error as { code?: string }).code ?? (error as Error).name;
        const last = attempt === delays.length - 1;
        this.log(
          last ? 'error' : 'warn',
          `notifications: ${mail.kind} email ${last ? 'not sent' : 'failed, retrying'} (${reason})`,
        );
        if (last) this.stats.failed += 1;
      }
    }
  }
}

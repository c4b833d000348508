import type { Core } from '@strapi/strapi';
import { failureCode, type Mailer, type MailSettings } from './mailer';
import { claimDue, markFailed, markSent, purge, type ClaimedMessage } from './outbox';

type Knex = Core.Strapi['db']['connection'];
export type MailLog = (level: 'info' | 'warn' | 'error', line: string) => void;

const BATCH = 20;
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Sends the outbox's due messages: after each write that queued some (`kick`), every
 * `pollMs`, and when asked (`flush`). Passes of one process run one after another; processes
 * share the work through the claim (./outbox.ts). Each due message is tried once per pass; a
 * failure is tried again after the next delay of `retryDelays`, then given up (`failed`).
 * Log lines name the message's kind and id and the error code, never an address or content.
 */
export class OutboxWorker {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastPurge = 0;
  /** Counts for this process, for tests and the health of the service. */
  readonly stats = { sent: 0, failed: 0 };

  constructor(
    private readonly knex: Knex,
    private readonly options: {
      mailer: Mailer;
      settings: MailSettings;
      postgres: boolean;
      log: MailLog;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.settings.pollMs);
    this.timer.unref();
    this.kick(); // messages left by a previous run
  }

  /** Asks for a pass soon (after a write that queued messages has committed). */
  kick(): void {
    if (this.stopped || this.queued) return;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      this.queued = false;
      await this.pass(new Date()).catch((error: unknown) =>
        this.options.log('error', `notifications: the outbox could not be read (${failureCode(error)})`),
      );
    });
  }

  /**
   * One pass over the messages due at `now`, after any pass under way; resolves when each was
   * sent or rescheduled. Tests drive the clock with `now` (a retry is due a delay later).
   * @throws when the outbox cannot be read.
   */
  async flush(now: Date = new Date()): Promise<void> {
    const run = this.chain.then(() => this.pass(now));
    this.chain = run.catch(() => undefined);
    await run;
  }

  /** Stops the loop and waits for the pass under way; queued messages stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain;
  }

  private async pass(now: Date): Promise<void> {
    for (;;) {
      const claimed = await claimDue(this.knex, { now, limit: BATCH, postgres: this.options.postgres });
      for (const message of claimed) await this.deliver(message, now);
      if (claimed.length < BATCH) break;
    }
    if (now.getTime() - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      const { keepSentDays, keepFailedDays } = this.options.settings;
      await purge(this.knex, { now, keepSentDays, keepFailedDays });
    }
  }

  private async deliver(message: ClaimedMessage, now: Date): Promise<void> {
    const { mailer, settings, log } = this.options;
    try {
      await mailer.deliver({ to: message.recipient, subject: message.subject, text: message.body });
    } catch (error) {
      const code = failureCode(error);
      const delay = settings.retryDelays[message.attempts - 1];
      // At least 1 ms later, so a pass never claims the message it just failed again.
      const retryAt = delay === undefined ? null : new Date(now.getTime() + Math.max(1, delay));
      await markFailed(this.knex, message.id, { error: code, retryAt });
      if (retryAt) {
        log(
          'warn',
          `notifications: ${message.kind} email #${message.id} failed (${code}); try ${message.attempts + 1} at ${retryAt.toISOString()}`,
        );
      } else {
        this.stats.failed += 1;
        log(
          'error',
          `notifications: ${message.kind} email #${message.id} not sent after ${message.attempts} tries (${code})`,
        );
      }
      return;
    }
    this.stats.sent += 1;
    // Sent but not recorded (database gone): sent again when the claim runs out. Said so.
    await markSent(this.knex, message.id, now).catch((error: unknown) =>
      log(
        'error',
        `notifications: ${message.kind} email #${message.id} sent but not recorded as sent (${failureCode(error)}); it may be sent again`,
      ),
    );
  }
}

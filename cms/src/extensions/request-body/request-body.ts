import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { parseMultipart } from './multipart';
import { hasBody, readBounded } from './read';
import { BODY_REFUSALS } from './refusal';
import type { BodySettings } from './settings';
import { parseTextBody, textKindOf } from './text-body';

/** Who a body is read for: the limits differ (settings.ts). */
export type BodyReader = 'anonymous' | 'authenticated';

/** The slice of Koa's context the body needs. */
export interface BodyContext {
  method: string;
  path: string;
  req: IncomingMessage;
  is(...types: string[]): string | false | null;
  get(field: string): string;
  set(field: string, value: string): void;
  status: number;
  body: unknown;
  request: { body?: unknown; files?: unknown };
  state: Record<string, unknown>;
}

const STATE_KEY = 'pbgdplRequestBody';
const READ_KEY = 'pbgdplBodyRead';

/**
 * Marks a request whose body an outer layer already read and parsed into `ctx.request.body`
 * (the read cache's GraphQL reads, the sign-in guard): it is not read again.
 */
export function markBodyRead(ctx: { state: Record<string, unknown> }): void {
  ctx.state[READ_KEY] = true;
}
const PARSED_METHODS = ['POST', 'PUT', 'PATCH'];

/**
 * One request's body: read at most once, when the route has authorised the caller (or by an
 * earlier layer that needs it, with the public limit), and the folder its uploaded parts went
 * to removed when the request is over, whatever its outcome.
 */
export class RequestBody {
  private done = false;
  private tempDir: string | null = null;

  constructor(private readonly settings: BodySettings) {}

  /** The body of the request being answered, once the request-body middleware has seen it. */
  static of(ctx: { state: Record<string, unknown> }): RequestBody | undefined {
    return ctx.state[STATE_KEY] as RequestBody | undefined;
  }

  attach(ctx: { state: Record<string, unknown> }): void {
    ctx.state[STATE_KEY] = this;
  }

  get parsed(): boolean {
    return this.done;
  }

  /**
   * Reads and parses the body into `ctx.request.body` (and `ctx.request.files`) with the
   * limits for `reader`. File parts are accepted only with `upload` for an authenticated
   * reader. A body another layer already read (markBodyRead) is left as it is; values a router
   * middleware put on `ctx.request.body` before (i18n's `locale`) are kept over the parsed ones,
   * as they were over Strapi's parser's.
   * @throws BodyRefused
   */
  async parse(ctx: BodyContext, reader: BodyReader, options: { upload?: boolean } = {}): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (ctx.state[READ_KEY] === true) return;
    const earlier = ctx.request.body;
    try {
      await this.read(ctx, reader, options);
    } finally {
      if (isRecord(earlier) && isRecord(ctx.request.body))
        ctx.request.body = { ...ctx.request.body, ...earlier };
      else if (ctx.request.body === undefined) ctx.request.body = earlier ?? {};
    }
  }

  private async read(ctx: BodyContext, reader: BodyReader, options: { upload?: boolean }): Promise<void> {
    ctx.request.body = undefined;
    if (!PARSED_METHODS.includes(ctx.method) || !hasBody(ctx.req.headers)) {
      ctx.request.body = {};
      return;
    }
    const textLimit =
      reader === 'authenticated' ? this.settings.authenticatedBytes : this.settings.publicBytes;
    const kind = textKindOf(ctx.is.bind(ctx));
    if (kind) {
      ctx.request.body = await parseTextBody(await readBounded(ctx.req, textLimit), kind);
      return;
    }
    if (ctx.is('multipart')) {
      const acceptFiles = options.upload === true && reader === 'authenticated';
      const { fields, files } = await parseMultipart(ctx.req, {
        limit: acceptFiles ? this.settings.uploadBytes + textLimit : textLimit,
        acceptFiles,
        uploadDir: await this.ownTempDir(),
        fileLimit: this.settings.uploadBytes,
      });
      ctx.request.body = fields;
      ctx.request.files = files;
      return;
    }
    throw BODY_REFUSALS.unsupportedType();
  }

  /**
   * Removes this request's upload folder and everything in it: after the answer, after a
   * refusal, after the client went away mid-upload. Once the folder is gone no late write can
   * recreate a file in it.
   */
  async cleanup(): Promise<void> {
    if (!this.tempDir) return;
    const dir = this.tempDir;
    this.tempDir = null;
    await fs.rm(dir, { recursive: true, force: true });
  }

  private async ownTempDir(): Promise<string> {
    this.tempDir ??= await fs.mkdtemp(path.join(this.settings.tempRoot, 'pbgdpl-upload-'));
    return this.tempDir;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

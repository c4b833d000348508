import type { IncomingMessage, IncomingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { BODY_REFUSALS, type BodyRefused } from './refusal';

/** The length the client declared, or null when it sends the body chunked (no Content-Length). */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const raw = headers['content-length'];
  if (raw === undefined) return null;
  const length = Number(raw);
  return Number.isFinite(length) && length >= 0 ? length : null;
}

/** Whether the request carries a body at all (declared, or chunked). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (declaredLength(headers) ?? 0) > 0;
}

/**
 * The whole body, counted as it streams: refused at once when the declared length passes
 * `limit`, and as soon as the bytes received do when it is sent chunked or lies about its
 * length. The rest of an oversize body is never read (the answer closes the connection).
 * @throws BodyRefused too_large, or aborted when the client goes away first.
 */
export function readBounded(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(req.headers);
  if (declared !== null && declared > limit) return Promise.reject(BODY_REFUSALS.tooLarge(limit));
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (error: BodyRefused | null) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return finish(BODY_REFUSALS.tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onClose = () => finish(BODY_REFUSALS.aborted());
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.once('error', onClose);
  });
}

/**
 * The request's bytes passed through unchanged, counted: the stream fails with too_large as
 * soon as they pass `limit`, and with aborted when the client goes away. Carries the request's
 * headers, so a parser that reads a request (formidable) reads it instead.
 */
export class CountedRequest extends Transform {
  readonly headers: IncomingHttpHeaders;
  private received = 0;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    private readonly tooLarge: () => BodyRefused = () => BODY_REFUSALS.tooLarge(limit),
  ) {
    super();
    this.headers = req.headers;
    const declared = declaredLength(req.headers);
    if (declared !== null && declared > limit) {
      process.nextTick(() => this.destroy(this.tooLarge()));
      return;
    }
    req.once('close', () => {
      if (!req.complete) this.destroy(BODY_REFUSALS.aborted());
    });
    req.pipe(this);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) {
      this.req.unpipe(this);
      this.req.pause();
      return callback(this.tooLarge());
    }
    callback(null, chunk);
  }
}

/**
 * A gzip-compressed text file written line by line with constant memory: lines are gathered
 * into ~64 KB chunks, compressed as they come and written with backpressure (a slow disk slows
 * the reader, nothing piles up). The SHA-256 and size of the compressed bytes (what a reader
 * downloads) and the uncompressed size are counted on the way.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const CHUNK_CHARS = 64 * 1024;

export interface WrittenFile {
  path: string;
  /** Lines written (records, plus a header line for CSV). */
  lines: number;
  bytes: number;
  uncompressedBytes: number;
  sha256: string;
}

export class GzipLineFile {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly hash = crypto.createHash('sha256');
  private readonly finished: Promise<void>;
  private pending = '';
  private lines = 0;
  private bytes = 0;
  private uncompressedBytes = 0;
  private failure: unknown = null;

  /** @param path a new file (refuses to overwrite one). */
  constructor(readonly path: string) {
    const tap = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
      },
    });
    this.finished = pipeline(this.gzip, tap, fs.createWriteStream(path, { flags: 'wx' }));
    this.finished.catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Appends one line (the line end is added). */
  async writeLine(line: string, lineEnd = '\n'): Promise<void> {
    this.pending += line + lineEnd;
    this.lines += 1;
    if (this.pending.length >= CHUNK_CHARS) await this.flush();
  }

  /** Writes raw text with no line counted (a byte order mark). */
  async writeText(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending === '') return;
    const buffer = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.uncompressedBytes += buffer.length;
    if (!this.gzip.write(buffer)) await Promise.race([once(this.gzip, 'drain'), this.finished]);
  }

  /** Ends the file, waits until it is on disk (fsync) and gives its figures. */
  async close(): Promise<WrittenFile> {
    await this.flush();
    this.gzip.end();
    await this.finished;
    const handle = await fs.promises.open(this.path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return {
      path: this.path,
      lines: this.lines,
      bytes: this.bytes,
      uncompressedBytes: this.uncompressedBytes,
      sha256: this.hash.digest('hex'),
    };
  }

  /** Stops writing after a failure elsewhere; the caller removes the partial run. */
  abort(): void {
    this.gzip.destroy();
    this.finished.catch(() => undefined);
  }
}

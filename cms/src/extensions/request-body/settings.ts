import os from 'node:os';
import { uploadSizeLimit } from '../../../config/upload-size-limit';

/**
 * How much of a request body the CMS reads, by who is asking (config in cms/.env.example):
 * anonymous requests get the public limit on every route; an authenticated actor (admin session,
 * API token) gets more for JSON and forms (a law's full text is up to ~750 KB) and, on the
 * upload routes only, a file of the upload limit.
 */
export interface BodySettings {
  /** Anonymous requests, every route and body type: PUBLIC_BODY_LIMIT_BYTES, 32 KB. */
  publicBytes: number;
  /** Authenticated JSON, forms and text: AUTHENTICATED_BODY_LIMIT_BYTES, 4 MB. */
  authenticatedBytes: number;
  /** Authenticated uploads (the upload plugin's routes): UPLOAD_SIZE_LIMIT_BYTES, 500 MB. */
  uploadBytes: number;
  /** Where each request's uploaded parts go, in a folder of their own removed after it. */
  tempRoot: string;
}

type Env = NodeJS.ProcessEnv;

/** @throws Error naming the variable when a limit is not a whole number of bytes. */
export function readBodySettings(env: Env = process.env): BodySettings {
  return {
    publicBytes: bytes(env, 'PUBLIC_BODY_LIMIT_BYTES', 32 * 1024),
    authenticatedBytes: bytes(env, 'AUTHENTICATED_BODY_LIMIT_BYTES', 4 * 1024 * 1024),
    uploadBytes: uploadSizeLimit(env.UPLOAD_SIZE_LIMIT_BYTES),
    tempRoot: env.UPLOAD_TEMP_DIR || os.tmpdir(),
  };
}

function bytes(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1024)
    throw new Error(`${name} must be a whole number of bytes, at least 1024; got "${raw}".`);
  return value;
}

import type { IncomingMessage } from 'node:http';
import formidable, { errors as formidableErrors, multipart, type File, type Options } from 'formidable';
import { CountedRequest } from './read';
import { BODY_REFUSALS, BodyRefused } from './refusal';
import { holdsNul } from './text-body';

export interface MultipartOptions {
  /** Bytes of the whole request (parts, headers and boundaries). */
  limit: number;
  /** Whether file parts are taken (the upload routes, for an authorised actor) or refused. */
  acceptFiles: boolean;
  /** Where file parts are written: a folder of this request only, removed after it. */
  uploadDir: string;
  /** The largest file accepted (the upload limit); past it, the upload's Vietnamese 413. */
  fileLimit: number;
}

type Fields = Record<string, string | string[]>;
type Files = Record<string, File | File[]>;

/**
 * Parses a multipart body with formidable, counted as it streams through `CountedRequest`.
 * File parts go to `uploadDir` only when `acceptFiles`; otherwise none is written and the
 * request is refused once read (415). The answer has Strapi's usual shape (a field or file sent
 * once is a value, sent several times a list), so the upload plugin reads it as before.
 * @throws BodyRefused (413 too large, 415 files not accepted, 400 unreadable or aborted).
 */
export async function parseMultipart(
  req: IncomingMessage,
  options: MultipartOptions,
): Promise<{ fields: Fields; files: Files }> {
  let offeredFile = false;
  const counted = new CountedRequest(req, options.limit, () =>
    options.acceptFiles
      ? BODY_REFUSALS.uploadTooLarge(options.fileLimit)
      : BODY_REFUSALS.tooLarge(options.limit),
  );
  const form = formidable({
    uploadDir: options.uploadDir,
    // Multipart only: JSON and forms are read by text-body.ts, with its checks.
    enabledPlugins: [multipart],
    maxFileSize: options.fileLimit,
    maxTotalFileSize: options.fileLimit,
    maxFieldsSize: options.limit,
    maxFields: 1000,
    allowEmptyFiles: true,
    minFileSize: 0,
    filter: (part) => {
      if (!part.originalFilename && !part.mimetype) return true;
      offeredFile = true;
      return options.acceptFiles;
    },
  } as Options);
  let fields: Record<string, string[] | undefined>;
  let files: Record<string, File[] | undefined>;
  try {
    [fields, files] = await form.parse(counted as unknown as IncomingMessage);
  } catch (error) {
    throw refusalOf(error, options);
  } finally {
    counted.destroy();
  }
  if (offeredFile && !options.acceptFiles) throw BODY_REFUSALS.filesNotAccepted();
  const flatFields = flatten(fields) as Fields;
  if (holdsNul(flatFields)) throw BODY_REFUSALS.nulCharacter('body');
  return { fields: flatFields, files: flatten(files) as Files };
}

/** What formidable's and the counter's failures mean for the client. */
function refusalOf(error: unknown, options: MultipartOptions): BodyRefused {
  if (error instanceof BodyRefused) return error;
  const code = (error as { code?: number }).code;
  const errors = formidableErrors;
  if (code === errors.biggerThanMaxFileSize || code === errors.biggerThanTotalMaxFileSize)
    return BODY_REFUSALS.uploadTooLarge(options.fileLimit);
  if (code === errors.maxFieldsSizeExceeded || code === errors.maxFieldsExceeded)
    return BODY_REFUSALS.tooLarge(options.limit);
  if (code === errors.aborted) return BODY_REFUSALS.aborted();
  return BODY_REFUSALS.unreadable();
}

/** formidable 3 gives every field as a list; Strapi's parser gave a value when sent once. */
function flatten<T>(record: Record<string, T[] | undefined>): Record<string, T | T[]> {
  const flat: Record<string, T | T[]> = {};
  for (const [key, values] of Object.entries(record)) {
    if (!values) continue;
    flat[key] = values.length === 1 ? values[0]! : values;
  }
  return flat;
}

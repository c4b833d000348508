/**
 * The part of formidable 3's API the CMS uses (src/extensions/request-body/multipart.ts);
 * formidable ships no types of its own for version 3. Its CommonJS build is an ES module
 * compiled with `__esModule`, hence a default export beside named ones.
 */
declare module 'formidable' {
  import type { IncomingMessage } from 'node:http';

  export interface Part {
    name: string | null;
    originalFilename: string | null;
    mimetype: string | null;
  }
  export interface File {
    size: number;
    filepath: string;
    originalFilename: string | null;
    newFilename: string;
    mimetype: string | null;
  }
  export interface Options {
    uploadDir?: string;
    enabledPlugins?: Plugin[];
    maxFileSize?: number;
    maxTotalFileSize?: number;
    maxFieldsSize?: number;
    maxFields?: number;
    allowEmptyFiles?: boolean;
    minFileSize?: number;
    filter?: (part: Part) => boolean;
  }
  /** A parser plugin (formidable reads multipart, urlencoded, JSON and raw octets by plugins). */
  export type Plugin = (...args: unknown[]) => unknown;
  export const multipart: Plugin;
  export interface IncomingForm {
    parse(
      req: IncomingMessage,
    ): Promise<[Record<string, string[] | undefined>, Record<string, File[] | undefined>]>;
  }
  /** formidable's error codes (FormidableError#code). */
  export const errors: Record<
    | 'aborted'
    | 'biggerThanMaxFileSize'
    | 'biggerThanTotalMaxFileSize'
    | 'maxFieldsSizeExceeded'
    | 'maxFieldsExceeded'
    | 'maxFilesExceeded',
    number
  >;
  export default function formidable(options?: Options): IncomingForm;
}

/** The files of a built site, as paths relative to its folder ("van-ban/index.html"), sorted. */
import fs from 'node:fs';
import path from 'node:path';

export function siteFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** "van-ban/index.html" → "van-ban/", "index.html" → "", "404.html" → "404.html". */
export function pagePath(file: string): string {
  return file === 'index.html'
    ? ''
    : file.endsWith('/index.html')
      ? file.slice(0, -'index.html'.length)
      : file;
}

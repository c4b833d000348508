/** sites/template, found from the running file (dist-generator/… or generator/…). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from './errors.js';

export const TEMPLATE_DIR = findTemplateDir(path.dirname(fileURLToPath(import.meta.url)));

function findTemplateDir(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'astro.config.mjs'))) return dir;
  }
  throw new GeneratorError(`Cannot find sites/template (astro.config.mjs) above ${from}.`);
}

/**
 * Where the builder finds what it does not hold itself: the site template, located through its
 * package (`@pbgdpl/site-template`, never a path into another folder of the repository), and this
 * package's own folder, for the files it runs beside the compiled code (the Pagefind runner) and
 * the packages it resolves there (Pagefind).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The site template: astro.config.mjs, src/ (pages, contract, client scripts) and the node_modules Astro runs with. */
export const TEMPLATE_DIR = path.dirname(
  createRequire(import.meta.url).resolve('@pbgdpl/site-template/package.json'),
);

/** This package's folder: one level above this file, whether it runs compiled (dist/) or from src/ (tests). */
export const BUILDER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Snapshots being built from (and kept with `keepSnapshot`): the builder's scratch, git-ignored. */
export const SNAPSHOTS_DIR = path.join(BUILDER_DIR, '.snapshots');

/**
 * Strapi 5.49–5.54's content manager imports `prismjs` and then Prism's language files, which
 * expect a global `Prism`. Bundled, Prism's CommonJS core initialises too late and the whole
 * admin renders blank ("Prism is not defined", strapi/strapi#26964). `vite.config.ts` points the
 * bare `prismjs` import here: this module loads the core first and publishes it on the global
 * object, so the language files that follow find it. Remove once Strapi ships the fix.
 */
import * as prismModule from 'prismjs/prism.js';

type PrismCore = { languages: Record<string, unknown> };
const prism = ((prismModule as unknown as { default?: PrismCore }).default ?? prismModule) as PrismCore;
(globalThis as unknown as { Prism: PrismCore }).Prism = prism;

export default prism;

import path from 'path';

type Alias = { find: string | RegExp; replacement: string };
type ViteConfig = { resolve?: { alias?: Alias[] | Record<string, string> } } & Record<string, unknown>;

/** Admin bundle: route the bare `prismjs` import through prism-global.ts (see that file). */
export default (config: ViteConfig): ViteConfig => {
  const existing = config.resolve?.alias ?? [];
  const aliases: Alias[] = Array.isArray(existing)
    ? existing
    : Object.entries(existing).map(([find, replacement]) => ({ find, replacement }));
  const shim = path.resolve(process.cwd(), 'src', 'admin', 'prism-global.ts');
  return {
    ...config,
    resolve: { ...config.resolve, alias: [{ find: /^prismjs$/, replacement: shim }, ...aliases] },
  };
};

/**
 * Secrets have no fallback: a CMS that boots with a placeholder secret is worse than one that
 * refuses to boot. The demo and the tests generate their own (see scripts/demo and tests).
 */
export function requireEnv(env: (key: string) => string | undefined, key: string): string {
  const value = env(key);
  if (!value) {
    throw new Error(
      `Missing environment variable ${key}. Copy cms/.env.example to cms/.env and fill it ` +
        `(the demo does this for you: \`pnpm demo\`).`,
    );
  }
  return value;
}

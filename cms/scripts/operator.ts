import os from 'os';
import { bootCms } from './boot';
import { runAsOperator } from '../src/extensions/federation/caller';
import type { Core } from '@strapi/strapi';

/**
 * Runs an operator command against the CMS (booted in-process, no HTTP server): the writes are
 * system writes that the audit log attributes to "<command> (<OS user>@<host>)". Prints a
 * Vietnamese error and exits 1 on a refused input, 2 on bad usage.
 */
export async function runOperatorCommand(
  command: string,
  body: (strapi: Core.Strapi) => Promise<void>,
): Promise<never> {
  let strapi: Core.Strapi | null = null;
  try {
    strapi = await bootCms();
    const label = `${command} (${os.userInfo().username}@${os.hostname()})`;
    await runAsOperator(label, () => body(strapi!));
    await strapi.destroy();
    process.exit(0);
  } catch (error) {
    console.error(`Lỗi (error): ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    await strapi?.destroy().catch(() => undefined);
    process.exit(1);
  }
}

/** `pnpm run x -- --flag` passes the separator through: drop it. */
export function cliArgs(): string[] {
  return process.argv.slice(2).filter((arg) => arg !== '--');
}

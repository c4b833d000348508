/**
 * Per-site API tokens. Strapi's API tokens carry a unique name and a description an operator
 * types in Settings › API Tokens; a token whose name starts with "[<site code>]" writes as that
 * site only. This keeps the binding visible where tokens are managed, with no extra table.
 */
import { isSiteCode } from '../site-code.js';

const PREFIX = /^\[([^\]]+)\]\s*/;

/**
 * The site code a token is bound to, `null` for a token with no "[code]" prefix (a national
 * integration), or `undefined` when the prefix is there but is not a valid site code (such a
 * token must be refused, not treated as national).
 */
export function siteCodeOfTokenName(name: string): string | null | undefined {
  const match = PREFIX.exec(name.trim());
  if (!match) return null;
  const code = match[1]!.trim();
  return isSiteCode(code) ? code : undefined;
}

/** The name to give a token bound to `siteCode`, e.g. "[ha-noi] Cổng dịch vụ công". */
export function siteTokenName(siteCode: string, purpose: string): string {
  return `[${siteCode}] ${purpose.trim()}`;
}

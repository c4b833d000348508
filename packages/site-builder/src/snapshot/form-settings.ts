/**
 * What a site's question forms need at build time (docs/forms.md, "What the site template does"):
 * a long-lived form token for the site from the CMS (`GET /api/submissions/token?site=<code>&for=page`),
 * the CMS's public address the forms post to, the confirmation page's absolute address
 * (`returnTo`) and the legal fields offered. A token the CMS does not give is a warning: the
 * site is built and its Q&A page says the form is not available, rather than failing the build.
 */
import type { Site } from '@pbgdpl/content-client';
import { joinBase } from '@pbgdpl/domain';
import { QA_CONFIRMATION_SEGMENT, SECTION_BY_TYPE } from '@pbgdpl/site-template/sections';
import type { FacetRef, FormSettings } from '@pbgdpl/site-template/snapshot-format';

export type FetchedFormToken =
  { ok: true; token: string; expiresAt: string | null } | { ok: false; reason: string };
/** Asks the CMS for a page token (the URL is the full token address). */
export type FetchFormToken = (url: string) => Promise<FetchedFormToken>;

export const fetchFormTokenOverHttp: FetchFormToken = async (url) => {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const body = (await response.json()) as { data?: { token?: unknown; expiresAt?: unknown } };
    const token = body.data?.token;
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'no token in the answer' };
    return {
      ok: true,
      token,
      expiresAt: typeof body.data?.expiresAt === 'string' ? body.data.expiresAt : null,
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
};

export interface FormSettingsInput {
  site: Pick<Site, 'code' | 'basePath' | 'baseUrl'>;
  /** Where the generator reads the CMS (the token is asked there). */
  cmsOrigin: string;
  /** Where citizens' browsers reach the CMS (the forms' action). */
  publicCmsUrl: string;
  /** Public origin of the shared host the sites are served from, for sites without a baseUrl. */
  sitesUrl: string | null;
  fields: readonly FacetRef[];
  fetchToken: FetchFormToken;
  warn: (message: string) => void;
}

/** The Q&A confirmation page, relative to a site's base. */
export const QA_CONFIRMATION_PATH = `${SECTION_BY_TYPE.qa.path}${QA_CONFIRMATION_SEGMENT}/`;

/** The confirmation page of the "report outdated" form on item pages, relative to a site's base. */
export const REPORT_CONFIRMATION_PATH = 'phan-anh/da-gui/';

/**
 * The absolute address of the site's confirmation page: under its own public origin when the
 * registry has one, else under the shared host's; null when neither is known (the CMS then
 * answers a plain form with its own small page showing the tracking code).
 */
export function confirmationUrl(
  site: Pick<Site, 'basePath' | 'baseUrl'>,
  sitesUrl: string | null,
  page: string = QA_CONFIRMATION_PATH,
): string | null {
  try {
    if (site.baseUrl) return new URL(page, withSlash(site.baseUrl)).href;
    if (sitesUrl) return new URL(joinBase(site.basePath, page), sitesUrl).href;
  } catch {
    // A malformed address in the registry or the environment: no returnTo.
  }
  return null;
}

export async function formSettings(input: FormSettingsInput): Promise<FormSettings | null> {
  const url = `${input.cmsOrigin}/api/submissions/token?site=${encodeURIComponent(input.site.code)}&for=page`;
  const fetched = await input.fetchToken(url);
  if (!fetched.ok) {
    input.warn(
      `Site ${input.site.code}: no form token from ${url} (${fetched.reason}); its question form is shown as unavailable.`,
    );
    return null;
  }
  return {
    cmsUrl: input.publicCmsUrl.replace(/\/+$/, ''),
    token: fetched.token,
    expiresAt: fetched.expiresAt,
    returnTo: confirmationUrl(input.site, input.sitesUrl),
    reportReturnTo: confirmationUrl(input.site, input.sitesUrl, REPORT_CONFIRMATION_PATH),
    fields: [...input.fields].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

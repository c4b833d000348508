import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  dialogueIntake,
  duplicateKey,
  honeypotFilled,
  newSubmissionEmail,
  newTrackingCode,
  parseDialogueQuestion,
  parseQuestion,
  vietnameseDuration,
  type FieldProblem,
  type FormBody,
  type Parsed,
  type QuestionInput,
} from '@pbgdpl/domain';
import { adminEditUrl, notifyAfterCommit, siteStaffEmails } from '../notifications';
import { REJECT, SubmissionRejected } from './rejection';
import { siteRegistry, type RegistrySite } from './registry';
import type { SubmissionSettings } from './settings';
import { withFingerprint } from './claim';
import { hit } from './store';
import { checkFormToken } from './token';
import { CONTENT_TYPES } from '../../content-types';

export const QA = CONTENT_TYPES.qa;
const DIALOGUE = CONTENT_TYPES.dialogue;
const LEGAL_FIELD = CONTENT_TYPES.legalField;

/** One form request: who sent it and when. */
export interface IntakeContext {
  strapi: Core.Strapi;
  settings: SubmissionSettings;
  /** The client's address (behind a proxy: as Koa reads it with `server.proxy.koa`). */
  ip: string;
  now: Date;
}

/** What the citizen gets back. */
export interface Receipt {
  kind: 'question' | 'dialogue-question' | 'report';
  trackingCode: string;
  receivedAt: string;
  status: string;
  site: { code: string; name: string };
}

/**
 * The checks every form passes first, cheapest first: the honeypot, the signed form token for
 * the page's site, then the client's rate limit.
 * @throws SubmissionRejected (400 honeypot, 403 token, 429 rate limit)
 */
export async function admitForm(c: IntakeContext, body: FormBody): Promise<void> {
  if (honeypotFilled(body)) throw REJECT.honeypot();
  const raw = Array.isArray(body.site) ? body.site[0] : body.site;
  const site = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const token = checkFormToken(
    c.settings.secret,
    Array.isArray(body.token) ? body.token[0] : body.token,
    site,
    c.now,
  );
  if (!token.ok) {
    throw {
      missing: REJECT.tokenMissing,
      invalid: REJECT.tokenInvalid,
      expired: REJECT.tokenExpired,
      wrong_site: REJECT.tokenWrongSite,
    }[token.problem]();
  }
  const verdict = await hit(c.strapi, `ip:${c.ip}`, c.settings.ipLimits, c.now);
  if (!verdict.allowed)
    throw REJECT.rateLimited(vietnameseDuration(verdict.retryAfter!), verdict.retryAfter!);
}

/** A legal question to a site → a Q&A draft, handling status "received". */
export async function submitQuestion(c: IntakeContext, body: FormBody): Promise<Receipt> {
  await admitForm(c, body);
  const input = accepted(parseQuestion(body));
  const site = await receivingSite(c, input.siteCode);
  const field = input.fieldCode ? await legalField(c, input.fieldCode) : null;
  await checkSiteLimit(c, site);
  return store(c, site, input, {
    fingerprintScope: 'question',
    data: { fields: field ? [field] : [] },
    kind: 'question',
  });
}

/** A question or comment to an open policy dialogue → a Q&A draft linked to the dialogue. */
export async function submitDialogueQuestion(c: IntakeContext, body: FormBody): Promise<Receipt> {
  await admitForm(c, body);
  const input = accepted(parseDialogueQuestion(body));
  await receivingSite(c, input.siteCode);
  const dialogue = (await c.strapi.db.query(DIALOGUE).findOne({
    where: { documentId: input.dialogueId, publishedAt: { $notNull: true } },
    select: ['id', 'documentId', 'title', 'phase', 'opensAt', 'liveAt', 'closesAt'],
    populate: { owningSite: { select: ['id', 'code'] } },
  })) as {
    documentId: string;
    title: string;
    phase: string | null;
    opensAt: string | null;
    liveAt: string | null;
    closesAt: string | null;
    owningSite: { id: number; code: string } | null;
  } | null;
  if (!dialogue?.owningSite) throw REJECT.unknownDialogue();
  const intake = dialogueIntake(dialogue, c.now);
  if (!intake.open) throw REJECT.dialogueClosed(intake.message);
  const host = await receivingSite(c, dialogue.owningSite.code);
  await checkSiteLimit(c, host);
  return store(c, host, input, {
    fingerprintScope: `dialogue:${dialogue.documentId}`,
    data: { dialogue: dialogue.documentId },
    kind: 'dialogue-question',
    dialogueTitle: dialogue.title,
  });
}

/** Refuses a parse with problems: markup first (its own code), else every problem at once. */
export function accepted<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  const markup = parsed.problems.find((p) => p.markup);
  if (markup) throw new SubmissionRejected(400, 'markup', markup.message, markup.field);
  const first = parsed.problems[0] as FieldProblem;
  const tooLong = parsed.problems.some((p) => / quá dài: /.test(p.message));
  throw new SubmissionRejected(
    400,
    tooLong ? 'too_long' : 'invalid',
    first.message,
    first.field,
    undefined,
    parsed.problems,
  );
}

/** A registered, enabled site by code. */
export async function receivingSite(c: IntakeContext, code: string): Promise<RegistrySite> {
  const site = (await siteRegistry(c.strapi, c.settings)).byCode.get(code);
  if (!site) throw REJECT.unknownSite(code);
  if (!site.enabled) throw REJECT.disabledSite(site.name);
  return site;
}

export async function checkSiteLimit(c: IntakeContext, site: RegistrySite): Promise<void> {
  const verdict = await hit(c.strapi, `site:${site.code}`, c.settings.siteLimits, c.now);
  if (!verdict.allowed)
    throw REJECT.siteBusy(site.name, vietnameseDuration(verdict.retryAfter!), verdict.retryAfter!);
}

async function legalField(c: IntakeContext, code: string): Promise<string> {
  const field = (await c.strapi.db
    .query(LEGAL_FIELD)
    .findOne({ where: { code }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  if (!field) throw REJECT.unknownField(code);
  return field.documentId;
}

/**
 * Stores the question with its duplicate fingerprint in one transaction (./claim.ts), so a
 * failed write leaves no claim behind and a concurrent identical one is refused after this one
 * commits. Created through the Document Service in the request's context: validated like an editor's
 * write, audited as a public write from the client's address (contact fields redacted).
 */
async function store(
  c: IntakeContext,
  site: RegistrySite,
  input: Omit<QuestionInput, 'siteCode' | 'fieldCode'>,
  options: {
    fingerprintScope: string;
    data: Record<string, unknown>;
    kind: Receipt['kind'];
    dialogueTitle?: string;
  },
): Promise<Receipt> {
  const fingerprint = sha256(`${site.code}\n${options.fingerprintScope}\n${duplicateKey(input.question)}`);
  const receivedAt = c.now.toISOString();
  const created = await withFingerprint(
    { uid: QA, fingerprint, windowSeconds: c.settings.duplicateWindowSeconds, now: c.now },
    async () => {
      for (let attempt = 0; ; attempt += 1) {
        const trackingCode = newTrackingCode();
        try {
          const qa = (await c.strapi.documents(QA).create({
            locale: 'vi',
            data: {
              title: input.title,
              question: input.question,
              askerName: input.name,
              askerEmail: input.email,
              askerPhone: input.phone,
              consentToPublish: input.consentToPublish,
              trackingCode,
              receivedAt,
              handlingStatus: 'received',
              owningSite: site.documentId,
              audience: 'own_site',
              ...options.data,
            },
          } as never)) as { documentId: string };
          return { trackingCode, documentId: qa.documentId };
        } catch (error) {
          // 50 random bits: a clash is all but impossible, but the code must be unique.
          if (
            attempt < 2 &&
            !(error instanceof SubmissionRejected) &&
            (await codeTaken(c.strapi, trackingCode))
          )
            continue;
          throw error;
        }
      }
    },
  );
  // Stored: from here on nothing may turn the answer into a failure the citizen would retry.
  await afterStored(c.strapi, 'notify the site', async () => {
    const mail = newSubmissionEmail({
      siteName: site.name,
      kind: options.kind === 'question' ? 'question' : 'dialogue',
      title: input.title,
      adminUrl: adminEditUrl(c.strapi, QA, created.documentId),
      dialogueTitle: options.dialogueTitle ?? null,
    });
    await notifyAfterCommit(c.strapi, {
      to: await siteStaffEmails(c.strapi, site.id),
      kind: `new-${options.kind}`,
      ...mail,
    });
  });
  return {
    kind: options.kind,
    trackingCode: created.trackingCode,
    receivedAt,
    status: 'received',
    site: { code: site.code, name: site.name },
  };
}

/** Work after a submission is stored: a failure is logged (without content), never answered. */
export async function afterStored(
  strapi: Core.Strapi,
  what: string,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const e = error as { name?: string; code?: string };
    strapi.log.warn(
      `submissions: stored, but could not ${what} (${[e?.name, e?.code].filter(Boolean).join(' ')})`,
    );
  }
}

async function codeTaken(strapi: Core.Strapi, trackingCode: string): Promise<boolean> {
  return (await strapi.db.query(QA).count({ where: { trackingCode } })) > 0;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

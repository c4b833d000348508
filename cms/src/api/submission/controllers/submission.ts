import type { Core } from '@strapi/strapi';
import { allowedReturnTo, formatTrackingCode, vietnameseDuration, type FormBody } from '@pbgdpl/domain';
import { REJECT, SubmissionRejected, submissionSettings } from '../../../extensions/submissions';
import {
  receivingSite,
  submitDialogueQuestion,
  submitQuestion,
  type IntakeContext,
  type Receipt,
} from '../../../extensions/submissions/intake';
import { siteRegistry } from '../../../extensions/submissions/registry';
import { submitReport } from '../../../extensions/submissions/report-intake';
import {
  answerHtml,
  answerJson,
  answerRedirect,
  answerRejection,
  escapeHtml,
  wantsHtml,
  type KoaLike,
} from '../../../extensions/submissions/respond';
import { describe } from '../../../extensions/submissions/route-guard';
import { lookUp } from '../../../extensions/submissions/status';
import { statusHtml } from '../../../extensions/submissions/status-page';
import { hit } from '../../../extensions/submissions/store';
import { issueFormToken } from '../../../extensions/submissions/token';

type Ctx = KoaLike;

/**
 * Thin handlers: read the request, call the intake, answer as the caller expects (JSON for a
 * script, a redirect or a page for a plain HTML form). Every refusal is answered here, in
 * Vietnamese; an unexpected failure becomes a 503 the citizen may retry.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const context = (ctx: Ctx): IntakeContext => ({
    strapi,
    settings: submissionSettings(),
    ip: ctx.request.ip,
    now: new Date(),
  });

  async function guarded(ctx: Ctx, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof SubmissionRejected) return answerRejection(ctx, error, await backLink(ctx));
      strapi.log.error(`submissions: ${ctx.method} ${ctx.path} failed (${describe(error)})`);
      answerRejection(ctx, REJECT.unavailable(), await backLink(ctx));
    }
  }

  /** Where an HTML refusal sends the citizen back: the form's page, when it is a registered site's. */
  async function backLink(ctx: Ctx): Promise<string | null> {
    const referer = ctx.get('Referer');
    if (!referer) return null;
    const { policy } = await siteRegistry(strapi, submissionSettings());
    return allowedReturnTo(referer, policy)?.toString() ?? null;
  }

  async function submit(
    ctx: Ctx,
    intake: (c: IntakeContext, body: FormBody) => Promise<Receipt>,
  ): Promise<void> {
    await guarded(ctx, async () => {
      const body = (ctx.request.body ?? {}) as FormBody;
      const html = wantsHtml(ctx);
      // Checked before anything is stored: a bad returnTo must not leave a submission behind.
      let returnTo: URL | null = null;
      if (typeof body.returnTo === 'string' && body.returnTo !== '') {
        returnTo = allowedReturnTo(body.returnTo, (await siteRegistry(strapi, submissionSettings())).policy);
        if (!returnTo) throw REJECT.badReturnTo();
      }
      const receipt = await intake(context(ctx), body);
      const view = {
        ...receipt,
        formattedCode: formatTrackingCode(receipt.trackingCode),
        statusPath: `/api/submissions/status/${receipt.trackingCode}`,
      };
      if (!html) return answerJson(ctx, 201, view);
      if (returnTo) {
        returnTo.searchParams.set('ma', receipt.trackingCode);
        return answerRedirect(ctx, returnTo.toString());
      }
      answerHtml(
        ctx,
        201,
        'Đã gửi thành công',
        `<p>${escapeHtml(receipt.site.name)} đã nhận ${receipt.kind === 'report' ? 'báo cáo' : 'câu hỏi'} của bạn.</p>` +
          `<p>Mã tra cứu: <code>${escapeHtml(view.formattedCode)}</code></p>` +
          `<p>Hãy ghi lại mã này để theo dõi: <a href="${view.statusPath}">xem tình trạng</a>.</p>`,
      );
    });
  }

  return {
    async question(ctx: Ctx) {
      await submit(ctx, submitQuestion);
    },
    async dialogueQuestion(ctx: Ctx) {
      await submit(ctx, submitDialogueQuestion);
    },
    async report(ctx: Ctx) {
      await submit(ctx, submitReport);
    },

    /** GET /api/submissions/token?site=<code>[&for=page] → a signed form token. */
    async token(ctx: Ctx) {
      await guarded(ctx, async () => {
        const c = context(ctx);
        const code = String(ctx.query.site ?? '')
          .trim()
          .toLowerCase();
        const site = await receivingSite(c, code);
        const verdict = await hit(strapi, `read:${c.ip}`, c.settings.readLimits, c.now);
        if (!verdict.allowed)
          throw REJECT.rateLimited(vietnameseDuration(verdict.retryAfter!), verdict.retryAfter!);
        const lifetime = ctx.query.for === 'page' ? c.settings.pageTokenSeconds : c.settings.liveTokenSeconds;
        answerJson(ctx, 200, {
          site: site.code,
          token: issueFormToken(c.settings.secret, site.code, c.now, lifetime),
          expiresAt: new Date(c.now.getTime() + lifetime * 1000).toISOString(),
        });
      });
    },

    /** GET /api/submissions/status/:code (or ?ma=<code>) → the status, as JSON or a page. */
    async status(ctx: Ctx) {
      await guarded(ctx, async () => {
        const view = await lookUp(context(ctx), ctx.params?.code ?? ctx.query.ma ?? ctx.query.code);
        if (wantsHtml(ctx)) return answerHtml(ctx, 200, `Tình trạng ${view.trackingCode}`, statusHtml(view));
        answerJson(ctx, 200, view);
      });
    },
  };
};

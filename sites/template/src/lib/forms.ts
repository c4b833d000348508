/**
 * The citizen forms of docs/forms.md, filled for one site at build time: the ready-made
 * `question-form.html` with its placeholders replaced (the Q&A page), the same form turned
 * into a dialogue's question form (`/dialogue-questions`, with `dialogue` and `kind`),
 * `confirmation.html`, and the "report outdated" form of item pages (`report-form.html`) with its
 * confirmation. Every value is escaped for the attribute or text it lands in. Pure: the
 * templates are passed in (the pages import them from src/forms/).
 */
import type { FormSettings } from '../contract/snapshot-format.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The contract's explanatory comments are for developers, not for every page's weight. */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->\s*/g, '').trim();
}

function fill(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => values[name] ?? match);
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new Error(`Form template placeholder ${left[0]} has no value`);
  return filled;
}

/** The legal fields as `<option>`s. */
function fieldOptions(settings: FormSettings): string {
  return settings.fields
    .map((f) => `<option value="${escapeHtml(f.code)}">${escapeHtml(f.name)}</option>`)
    .join('\n      ');
}

function commonValues(settings: FormSettings, siteCode: string): Record<string, string> {
  return {
    CMS_URL: escapeHtml(settings.cmsUrl),
    SITE_CODE: escapeHtml(siteCode),
    PAGE_TOKEN: escapeHtml(settings.token),
    RETURN_TO: escapeHtml(settings.returnTo ?? ''),
    FIELD_OPTIONS: fieldOptions(settings),
  };
}

/** Without a return address the CMS answers a plain post with its own page (and the code). */
function dropEmptyReturnTo(html: string): string {
  return html.replace(/\s*<input type="hidden" name="returnTo" value="">/, '');
}

/**
 * question-form.html for the site: posts to `{cmsUrl}/api/submissions/questions`.
 * @throws {Error} when the template has a placeholder this function does not know (the contract changed).
 */
export function questionFormHtml(template: string, settings: FormSettings, siteCode: string): string {
  return dropEmptyReturnTo(fill(withoutComments(template), commonValues(settings, siteCode)));
}

/**
 * The question form of an open policy dialogue: the same form, sent to `/dialogue-questions`
 * with the dialogue's documentId and the kind of message (a question or a comment) instead of
 * the legal field.
 * @throws {Error} when the template no longer has the parts this rewrites (the contract changed).
 */
export function dialogueFormHtml(
  template: string,
  settings: FormSettings,
  siteCode: string,
  dialogueDocumentId: string,
): string {
  const base = questionFormHtml(template, settings, siteCode);
  const fieldBlock = /<p class="pbgdpl-form__field">\s*<label for="pbgdpl-field">[\s\S]*?<\/select>\s*<\/p>/;
  if (!fieldBlock.test(base) || !base.includes('/api/submissions/questions"'))
    throw new Error('question-form.html changed: the dialogue form cannot be derived from it');
  const kind =
    `<input type="hidden" name="dialogue" value="${escapeHtml(dialogueDocumentId)}">\n` +
    `  <fieldset class="pbgdpl-form__group">\n` +
    `    <legend>Bạn gửi</legend>\n` +
    `    <p class="pbgdpl-form__field pbgdpl-form__check"><input id="pbgdpl-kind-question" name="kind" type="radio" value="question" checked> <label for="pbgdpl-kind-question">Câu hỏi</label></p>\n` +
    `    <p class="pbgdpl-form__field pbgdpl-form__check"><input id="pbgdpl-kind-comment" name="kind" type="radio" value="comment"> <label for="pbgdpl-kind-comment">Ý kiến góp ý</label></p>\n` +
    `  </fieldset>`;
  return base
    .replace('/api/submissions/questions"', '/api/submissions/dialogue-questions"')
    .replace(fieldBlock, kind)
    .replace('>Câu hỏi của bạn <', '>Câu hỏi hoặc ý kiến của bạn <')
    .replace('>Gửi câu hỏi<', '>Gửi đến cuộc đối thoại<');
}

/** confirmation.html for the site (the page the CMS sends the citizen back to). */
export function confirmationHtml(template: string, settings: Pick<FormSettings, 'cmsUrl'>): string {
  return fill(withoutComments(template), { CMS_URL: escapeHtml(settings.cmsUrl) });
}

/**
 * report-form.html for one item of the site: posts to `{cmsUrl}/api/submissions/reports` with the
 * item's type and documentId; the CMS sends the citizen back to the site's `phan-anh/da-gui/`.
 * @throws {Error} when the template has a placeholder this function does not know (the contract changed).
 */
export function reportFormHtml(
  template: string,
  settings: FormSettings,
  siteCode: string,
  item: { type: string; documentId: string },
): string {
  return dropEmptyReturnTo(
    fill(withoutComments(template), {
      ...commonValues(settings, siteCode),
      RETURN_TO: escapeHtml(settings.reportReturnTo ?? ''),
      ITEM_TYPE: escapeHtml(item.type),
      ITEM_ID: escapeHtml(item.documentId),
    }),
  );
}

/**
 * confirmation.html said of a report: "Đã gửi phản ánh", what happens next, no email line (a
 * report asks for no contact).
 * @throws {Error} when the template no longer has the sentences this rewrites (the contract changed).
 */
export function reportConfirmationHtml(template: string, settings: Pick<FormSettings, 'cmsUrl'>): string {
  const html = confirmationHtml(template, settings);
  const email = /\s*<p>Nếu bạn để lại email[^<]*<\/p>/;
  if (
    !html.includes('<h1>Đã gửi câu hỏi</h1>') ||
    !html.includes('<p>Cơ quan đã nhận câu hỏi của bạn.</p>') ||
    !email.test(html)
  )
    throw new Error('confirmation.html changed: the report confirmation cannot be derived from it');
  return html
    .replace('<h1>Đã gửi câu hỏi</h1>', '<h1>Đã gửi phản ánh</h1>')
    .replace(
      '<p>Cơ quan đã nhận câu hỏi của bạn.</p>',
      '<p>Cơ quan quản lý nội dung đã nhận phản ánh của bạn và sẽ kiểm tra lại. Nội dung được nhiều người phản ánh sẽ tạm ẩn cho đến khi được kiểm tra xong.</p>',
    )
    .replace(email, '');
}

import fs from 'node:fs';
import path from 'node:path';
import {
  confirmationHtml,
  dialogueFormHtml,
  questionFormHtml,
  reportConfirmationHtml,
  reportFormHtml,
} from './forms';
import type { FormSettings } from '../contract/snapshot-format';

// The real contract files (src/forms/), so a change there that breaks the pages fails here.
const FORMS = path.resolve(__dirname, '..', 'forms');
const questionTemplate = fs.readFileSync(path.join(FORMS, 'question-form.html'), 'utf8');
const confirmationTemplate = fs.readFileSync(path.join(FORMS, 'confirmation.html'), 'utf8');
const reportTemplate = fs.readFileSync(path.join(FORMS, 'report-form.html'), 'utf8');

const settings: FormSettings = {
  cmsUrl: 'https://cms.pbgdpl.example',
  token: 'v1.ha-noi.abc"<x>',
  expiresAt: '2027-01-01T00:00:00.000Z',
  returnTo: 'https://ha-noi.pbgdpl.example/hoi-dap/da-gui/',
  fields: [
    { code: 'dat-dai', name: 'Đất đai' },
    { code: 'lao-dong', name: 'Lao động & <việc làm>' },
  ],
};

/** The attributes of the first tag matching `tag` (no DOM library: the markup is the contract's, plain). */
function attributes(html: string, tag: RegExp): Record<string, string> | null {
  const match = tag.exec(html);
  if (!match) return null;
  return Object.fromEntries(
    [...match[0].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2]!)]),
  );
}
const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const input = (html: string, name: string) => attributes(html, new RegExp(`<input[^>]*name="${name}"[^>]*>`));
const count = (html: string, name: string) => html.match(new RegExp(`name="${name}"`, 'g'))?.length ?? 0;

describe('the question form of docs/forms.md, filled for a site', () => {
  it('posts to the CMS with the site, its token, the return address and the legal fields, escaped', () => {
    const html = questionFormHtml(questionTemplate, settings, 'ha-noi');
    expect(html).not.toMatch(/\{\{|<!--/);
    expect(attributes(html, /<form[^>]*>/)).toMatchObject({
      action: 'https://cms.pbgdpl.example/api/submissions/questions',
      method: 'post',
    });
    expect(input(html, 'site')?.value).toBe('ha-noi');
    expect(input(html, 'token')?.value).toBe('v1.ha-noi.abc"<x>');
    expect(html).not.toContain('abc"<x>');
    expect(input(html, 'returnTo')?.value).toBe('https://ha-noi.pbgdpl.example/hoi-dap/da-gui/');
    const options = [...html.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [
      m[1],
      unescape(m[2]!),
    ]);
    expect(options).toEqual([
      ['', 'Không rõ / khác'],
      ['dat-dai', 'Đất đai'],
      ['lao-dong', 'Lao động & <việc làm>'],
    ]);
    for (const name of ['question', 'field', 'name', 'email', 'phone', 'consent', 'website']) {
      expect([name, count(html, name)]).toEqual([name, 1]);
    }
  });

  it('leaves out an empty return address, so the CMS shows its own confirmation', () => {
    const html = questionFormHtml(questionTemplate, { ...settings, returnTo: null }, 'ha-noi');
    expect(count(html, 'returnTo')).toBe(0);
    expect(input(html, 'token')).not.toBeNull();
  });

  it('becomes a dialogue’s form: another endpoint, the dialogue and the kind instead of the field', () => {
    const html = dialogueFormHtml(questionTemplate, settings, 'ha-noi', 'dlg123');
    expect(attributes(html, /<form[^>]*>/)?.action).toBe(
      'https://cms.pbgdpl.example/api/submissions/dialogue-questions',
    );
    expect(input(html, 'dialogue')?.value).toBe('dlg123');
    expect([...html.matchAll(/name="kind" type="radio" value="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'question',
      'comment',
    ]);
    expect(count(html, 'field')).toBe(0);
    expect(count(html, 'question')).toBe(1);
    expect(html).toContain('>Gửi đến cuộc đối thoại</button>');
  });
});

test('the confirmation page looks a code up at the CMS', () => {
  const html = confirmationHtml(confirmationTemplate, settings);
  expect(attributes(html, /<form[^>]*>/)?.action).toBe('https://cms.pbgdpl.example/api/submissions/status');
  expect(html).toContain('data-pbgdpl-tracking-code');
  expect(html).not.toMatch(/\{\{|<!--/);
});

describe('the report form of item pages (POST /reports)', () => {
  const reportSettings = { ...settings, reportReturnTo: 'https://ha-noi.pbgdpl.example/phan-anh/da-gui/' };

  it('posts the site, its token, the item and the reason to the CMS, and comes back to the site’s report confirmation', () => {
    const html = reportFormHtml(reportTemplate, reportSettings, 'ha-noi', {
      type: 'legal-situation',
      documentId: 'abc"<1>',
    });
    expect(html).not.toMatch(/\{\{|<!--/);
    expect(attributes(html, /<form[^>]*>/)).toMatchObject({
      action: 'https://cms.pbgdpl.example/api/submissions/reports',
      method: 'post',
    });
    expect(input(html, 'site')?.value).toBe('ha-noi');
    expect(input(html, 'token')?.value).toBe('v1.ha-noi.abc"<x>');
    expect(input(html, 'itemType')?.value).toBe('legal-situation');
    expect(input(html, 'item')?.value).toBe('abc"<1>');
    expect(html).not.toContain('abc"<1>');
    expect(input(html, 'returnTo')?.value).toBe('https://ha-noi.pbgdpl.example/phan-anh/da-gui/');
    expect(
      [...html.matchAll(/name="reason" type="radio" value="([a-z]+)"( checked)?/g)].map((m) => [
        m[1],
        Boolean(m[2]),
      ]),
    ).toEqual([
      ['outdated', true],
      ['wrong', false],
    ]);
    for (const name of ['message', 'website']) expect([name, count(html, name)]).toEqual([name, 1]);
    // Every control is labelled, and no id collides with the question form's on the same page.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of ids.filter(
      (i) => i.startsWith('pbgdpl-report-') && i !== 'pbgdpl-report-message-hint',
    )) {
      expect([id, html.includes(`for="${id}"`)]).toEqual([id, true]);
    }
    const questionIds = [
      ...questionFormHtml(questionTemplate, settings, 'ha-noi').matchAll(/ id="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(ids.filter((id) => questionIds.includes(id))).toEqual([]);
  });

  it('leaves out an unknown return address, so the CMS shows its own page with the code', () => {
    const html = reportFormHtml(reportTemplate, { ...settings, reportReturnTo: null }, 'ha-noi', {
      type: 'qa',
      documentId: 'q1',
    });
    expect(count(html, 'returnTo')).toBe(0);
  });

  it('has its own confirmation: a report, not a question, and no email promise', () => {
    const html = reportConfirmationHtml(confirmationTemplate, settings);
    expect(html).toContain('<h1>Đã gửi phản ánh</h1>');
    expect(html).toContain('nhận phản ánh của bạn');
    expect(html).not.toMatch(/câu hỏi|email/);
    expect(html).toContain('data-pbgdpl-tracking-code');
    expect(attributes(html, /<form[^>]*>/)?.action).toBe('https://cms.pbgdpl.example/api/submissions/status');
  });
});

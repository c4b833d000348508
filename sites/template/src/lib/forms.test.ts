import fs from 'node:fs';
import path from 'node:path';
import { confirmationHtml, dialogueFormHtml, questionFormHtml } from './forms';
import type { FormSettings } from '../../generator/snapshot-format';

// The real contract files (docs/forms/), so a change there that breaks the pages fails here.
const FORMS = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'forms');
const questionTemplate = fs.readFileSync(path.join(FORMS, 'question-form.html'), 'utf8');
const confirmationTemplate = fs.readFileSync(path.join(FORMS, 'confirmation.html'), 'utf8');

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

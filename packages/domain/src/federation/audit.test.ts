import { REDACTED, auditChanges } from './audit.js';
import { siteCodeOfTokenName, siteTokenName } from './api-token.js';

describe('auditChanges', () => {
  it('lists only the fields that changed, with both values', () => {
    expect(
      auditChanges(
        { title: 'Cũ', slug: 'cu', fields: ['a', 'b'], updatedAt: '1' },
        { title: 'Mới', slug: 'cu', fields: ['a', 'b'], updatedAt: '2' },
        { ignore: ['updatedAt'] },
      ),
    ).toEqual({ title: { before: 'Cũ', after: 'Mới' } });
  });

  it('compares objects whatever their key order, and treats empty values as none', () => {
    expect(auditChanges({ seo: { a: 1, b: 2 }, note: '' }, { seo: { b: 2, a: 1 }, note: null })).toEqual({});
  });

  it('reports a created or deleted item field by field', () => {
    expect(auditChanges(null, { title: 'A' })).toEqual({ title: { before: null, after: 'A' } });
    expect(auditChanges({ title: 'A' }, null)).toEqual({ title: { before: 'A', after: null } });
  });

  it("never copies a redacted field's value", () => {
    const changes = auditChanges(
      { askerEmail: 'a@example.vn', askerPhone: null },
      { askerEmail: 'b@example.vn', askerPhone: '0900000000' },
      { redact: ['askerEmail', 'askerPhone'] },
    );
    expect(changes).toEqual({
      askerEmail: { before: REDACTED, after: REDACTED },
      askerPhone: { before: null, after: REDACTED },
    });
    expect(JSON.stringify(changes)).not.toMatch(/example|0900/);
  });
});

describe('per-site API token names', () => {
  it('binds a token to the site code in brackets', () => {
    expect(siteCodeOfTokenName(siteTokenName('ha-noi', ' Cổng dịch vụ công '))).toBe('ha-noi');
    expect(siteTokenName('ha-noi', 'Cổng dịch vụ công')).toBe('[ha-noi] Cổng dịch vụ công');
  });

  it('treats a token with no prefix as national and a malformed prefix as invalid', () => {
    expect(siteCodeOfTokenName('Đồng bộ quốc gia')).toBeNull();
    expect(siteCodeOfTokenName('[Hà Nội] x')).toBeUndefined();
  });
});

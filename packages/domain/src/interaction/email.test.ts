import { isValidEmail } from './email.js';

describe('isValidEmail', () => {
  test.each([
    'ten@example.vn',
    'nguyen.van.a@bo-tu-phap.gov.vn',
    'a+hoi-dap@example.com',
    'hộp-thư@ví-dụ.vn',
  ])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  test.each([
    ['a@b..vn', 'an empty label in the domain'],
    ['.a@example.vn', 'a dot at the start of the local part'],
    ['a.@example.vn', 'a dot at the end of the local part'],
    ['a..b@example.vn', 'two dots in a row in the local part'],
    ['a@-example.vn', 'a domain label starting with a hyphen'],
    ['a@example-.vn', 'a domain label ending with a hyphen'],
    ['a@example', 'no top-level domain'],
    ['a@127.0.0.1', 'an IP address for a domain'],
    ['Nguyễn Văn A <a@example.vn>', 'a display name'],
    ['a@example.vn<script>', 'markup after the address'],
    ['a b@example.vn', 'a space'],
    [`${'a'.repeat(65)}@example.vn`, 'a local part over 64 characters'],
    [`a@${Array.from('bcdef', (c) => c.repeat(60)).join('.')}.vn`, 'over 254 characters'],
  ])('refuses %s (%s)', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

/**
 * `pnpm --filter @pbgdpl/cms run create-unit-admin -- --site <code> --email <email> [--password <p>]`
 * Creates a unit's first administrator (or any federation account): the admin account with its
 * role and its membership of the site. Idempotent: an existing account gets the role and the
 * membership added (and its password reset when --password is given).
 */
import crypto from 'crypto';
import { parseArgs } from 'util';
import { FEDERATION_ROLE_CODES, isFederationRoleCode } from '@pbgdpl/domain';
import { ensureSiteAccount, passwordProblem } from '../src/extensions/federation/members';
import { cliArgs, runOperatorCommand } from './operator';

const HELP = `Tạo quản trị viên đầu tiên của một đơn vị (create a unit's first administrator)

  pnpm --filter @pbgdpl/cms run create-unit-admin -- --site <code> --email <email> [options]

  --site CODE        mã trang trong sổ đăng ký, ví dụ ha-noi, ha-noi-ba-dinh, bo-tu-phap
  --email EMAIL      email đăng nhập
  --password PASS    mật khẩu (≥ 8 ký tự, có chữ thường, chữ hoa, chữ số); bỏ trống thì tạo ngẫu nhiên và in ra một lần
  --role ROLE        ${FEDERATION_ROLE_CODES.join(' | ')} (mặc định pbgdpl-unit-admin)
  --firstname NAME   tên; --lastname NAME họ
  -h, --help         trợ giúp

The database is the one the CMS uses (DATABASE_URL or cms/.tmp/data.db); run \`pnpm --filter @pbgdpl/cms build\` first.`;

const { values } = parseArgs({
  args: cliArgs(),
  options: {
    site: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', default: 'pbgdpl-unit-admin' },
    firstname: { type: 'string' },
    lastname: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values.site || !values.email) {
  console.error(`--site và --email là bắt buộc.\n\n${HELP}`);
  process.exit(2);
}
if (!isFederationRoleCode(values.role)) {
  console.error(`--role phải là một trong: ${FEDERATION_ROLE_CODES.join(', ')}`);
  process.exit(2);
}
const generated = values.password === undefined;
const password = values.password ?? generatePassword();
const problem = passwordProblem(password);
if (problem) {
  console.error(problem);
  process.exit(2);
}

void runOperatorCommand('create-unit-admin', async (strapi) => {
  const result = await ensureSiteAccount(strapi, {
    siteCode: values.site!,
    email: values.email!,
    password,
    firstname: values.firstname,
    lastname: values.lastname,
    role: values.role as (typeof FEDERATION_ROLE_CODES)[number],
  });
  console.log(
    `${result.createdUser ? 'Đã tạo tài khoản' : 'Đã cập nhật tài khoản'} ${result.email} — ${result.roleName}, ` +
      `trang “${result.site.name}” (${result.site.code})${result.createdMembership ? '' : ' (đã là thành viên)'}.`,
  );
  if (generated) console.log(`Mật khẩu (chỉ in một lần): ${password}`);
});

function generatePassword(): string {
  // Letters and digits from 18 random bytes, with each required class guaranteed.
  return `Pb${crypto.randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}7`;
}

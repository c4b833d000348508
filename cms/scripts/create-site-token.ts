/**
 * `pnpm --filter @pbgdpl/cms run create-site-token -- --site <code> --purpose "<what for>"`
 * Issues a content-API token bound to one site: whatever it writes is scoped to that site.
 */
import { parseArgs } from 'util';
import { createSiteToken } from '../src/extensions/federation/tokens';
import { cliArgs, runOperatorCommand } from './operator';

const HELP = `Cấp mã truy cập API cho một trang (issue a site-bound API token)

  pnpm --filter @pbgdpl/cms run create-site-token -- --site <code> --purpose "<mục đích>" [--days N]

  The token is named "[<code>] <purpose>" and has full access, limited by the federation to the
  site's own content. The secret is printed once.`;

const { values } = parseArgs({
  args: cliArgs(),
  options: {
    site: { type: 'string' },
    purpose: { type: 'string' },
    days: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values.site || !values.purpose) {
  console.error(`--site và --purpose là bắt buộc.\n\n${HELP}`);
  process.exit(2);
}

void runOperatorCommand('create-site-token', async (strapi) => {
  const token = await createSiteToken(strapi, {
    siteCode: values.site!,
    purpose: values.purpose!,
    lifespanDays: values.days ? Number(values.days) : undefined,
  });
  console.log(`Đã cấp mã “${token.name}” (id ${token.id}). Mã bí mật (chỉ in một lần):\n${token.accessKey}`);
});

/**
 * `pnpm --filter @pbgdpl/cms run site-registry -- <add|rename|merge|disable|enable> [options]`
 * Operations on the registry of sites, each audited (with the operator's name).
 */
import { parseArgs } from 'util';
import { SITE_KINDS, type SiteKind } from '@pbgdpl/domain';
import { addSite, mergeSites, renameSite, setSiteEnabled } from '../src/extensions/site-registry';
import { cliArgs, runOperatorCommand } from './operator';

const HELP = `Sổ đăng ký trang (site registry operations)

  pnpm --filter @pbgdpl/cms run site-registry -- add --code CODE --name "TÊN" --kind KIND [--parent CODE] [--name-en NAME] [--admin-unit-code N]
  pnpm --filter @pbgdpl/cms run site-registry -- rename --code CODE [--name "TÊN MỚI"] [--name-en NAME] [--new-code CODE]
  pnpm --filter @pbgdpl/cms run site-registry -- merge --from CODE[,CODE…] --into CODE
  pnpm --filter @pbgdpl/cms run site-registry -- disable --code CODE
  pnpm --filter @pbgdpl/cms run site-registry -- enable --code CODE

  KIND: ${SITE_KINDS.join(', ')}
  rename --new-code moves the site to /<new code>/ and keeps a redirect from the old address.
  merge moves every item, editor and child site of --from into --into, redirects the old
  addresses and disables the merged sites; then rebuild: pnpm sites:build --site <into>.`;

const [command, ...rest] = cliArgs();
const { values } = parseArgs({
  args: rest,
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    'name-en': { type: 'string' },
    kind: { type: 'string' },
    parent: { type: 'string' },
    'admin-unit-code': { type: 'string' },
    'new-code': { type: 'string' },
    from: { type: 'string' },
    into: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function need(...names: Array<keyof typeof values>): void {
  const missing = names.filter((n) => !values[n]);
  if (missing.length > 0) {
    console.error(`Thiếu ${missing.map((m) => `--${m}`).join(', ')}.\n\n${HELP}`);
    process.exit(2);
  }
}

if (values.help || !command) {
  console.log(HELP);
  process.exit(command ? 0 : 2);
}

void runOperatorCommand(`site-registry ${command}`, async (strapi) => {
  switch (command) {
    case 'add': {
      need('code', 'name', 'kind');
      const site = await addSite(strapi, {
        code: values.code!,
        name: values.name!,
        nameEn: values['name-en'] ?? null,
        kind: values.kind as SiteKind,
        parentCode: values.parent ?? null,
        adminUnitCode: values['admin-unit-code'] ?? null,
      });
      console.log(`Đã thêm trang “${site.name}” (${site.code}) tại ${site.basePath}.`);
      return;
    }
    case 'rename': {
      need('code');
      const site = await renameSite(strapi, {
        code: values.code!,
        name: values.name,
        nameEn: values['name-en'],
        newCode: values['new-code'],
      });
      console.log(`Trang ${values.code} → “${site.name}” (${site.code}) tại ${site.basePath}.`);
      return;
    }
    case 'merge': {
      need('from', 'into');
      const result = await mergeSites(strapi, {
        from: values.from!.split(',').map((c) => c.trim()),
        into: values.into!,
      });
      console.log(JSON.stringify(result, null, 2));
      console.log(
        `Đã hợp nhất ${result.from.join(', ')} vào ${result.into}. Hãy dựng lại trang: pnpm sites:build --site ${result.into}`,
      );
      return;
    }
    case 'disable':
    case 'enable': {
      need('code');
      const site = await setSiteEnabled(strapi, values.code!, command === 'enable');
      console.log(
        `Trang “${site.name}” (${site.code}): ${site.enabled ? 'đang hoạt động' : 'ngừng hoạt động'}.`,
      );
      return;
    }
    default:
      console.error(`Lệnh không rõ: ${command}\n\n${HELP}`);
      process.exit(2);
  }
});

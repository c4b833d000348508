/** `pnpm ops:verify --from DIR`: checks every file of a backup against its manifest and SHA256SUMS. */
import { parseArgs } from 'node:util';
import { verifyBackup } from '@pbgdpl/operations';
import { fail, fromCwd, megabytes } from './targets.ts';

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || !values.from)
    return console.log('Kiểm tra bản sao lưu (verify a backup)\n\n  pnpm ops:verify --from DIR');
  const manifest = await verifyBackup(fromCwd(values.from));
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `OK: ${manifest.files.length} files (${megabytes(bytes)}) match their SHA-256; ${manifest.database.client} ` +
      `database of ${manifest.startedAt}, ${manifest.database.tables.length} tables, ${manifest.uploads.files} uploads.`,
  );
}

main().catch(fail);

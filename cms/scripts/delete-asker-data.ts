/**
 * `pnpm --filter @pbgdpl/cms run delete-asker-data -- --tracking-code 7K3QD-M2X9A`
 * `pnpm --filter @pbgdpl/cms run delete-asker-data -- --email nguoi.hoi@example.vn`
 * Erases an asker's name, email and phone from their questions when they ask for it, and
 * records each erasure in the audit log. The question, its answer and handling status stay.
 */
import os from 'os';
import { parseArgs } from 'util';
import { bootCms } from './boot';
import { runAsOperator } from '../src/extensions/federation';
import {
  ErasureError,
  checkErasureRequest,
  eraseAskerData,
  type ErasureRequest,
} from '../src/extensions/privacy';

const HELP = `Xóa thông tin liên hệ của người hỏi (Erase an asker's contact data)

  pnpm --filter @pbgdpl/cms run delete-asker-data -- --tracking-code MÃ
  pnpm --filter @pbgdpl/cms run delete-asker-data -- --email EMAIL

  --tracking-code MÃ   one question, by its tracking code (e.g. 7K3QD-M2X9A)
  --email EMAIL        every question sent with this email
  --operator NAME      who asked for it, for the audit log (default: the system user)
  -h, --help           this help

Uses the CMS's database settings (DATABASE_URL or cms/.env), like the seed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      'tracking-code': { type: 'string' },
      email: { type: 'string' },
      operator: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const given = [values['tracking-code'], values.email].filter(Boolean);
  if (given.length !== 1) {
    console.error('Cần đúng một trong hai: --tracking-code hoặc --email (xem --help).');
    return 2;
  }
  const request: ErasureRequest = values['tracking-code']
    ? { trackingCode: values['tracking-code'] }
    : { email: values.email! };
  try {
    checkErasureRequest(request);
  } catch (error) {
    if (!(error instanceof ErasureError)) throw error;
    console.error(error.message);
    return 2;
  }
  const operator = values.operator ?? `${os.userInfo().username}@${os.hostname()}`;
  const strapi = await bootCms();
  try {
    const result = await runAsOperator(`delete-asker-data (${operator})`, () =>
      eraseAskerData(strapi, request),
    );
    if (result.matched === 0) {
      console.log('Không có câu hỏi nào khớp: không có gì để xóa.');
      return 1;
    }
    if (result.questions === 0) {
      console.log(
        `Không còn thông tin liên hệ nào để xóa ở ${result.matched} câu hỏi khớp (đã xóa trước đó).`,
      );
      return 0;
    }
    console.log(
      `Đã xóa họ tên, email, điện thoại của người hỏi ở ${result.questions} câu hỏi ` +
        `(mã tra cứu: ${result.trackingCodes.join(', ')}); đã ghi vào nhật ký thao tác.`,
    );
    return 0;
  } finally {
    await strapi.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`delete-asker-data: ${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  },
);

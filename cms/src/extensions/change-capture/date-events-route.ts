/**
 * `POST /pbgdpl-sync/date-events` (admin API): runs the date capture (dates.ts) now instead of
 * waiting for the minute cron — for operators catching up after downtime or a paused cron. It
 * appends the events of the dates that came (each once: a second call adds nothing) and answers
 * how many were new.
 *
 * Super admins and national administrators only. A body `{"now": "<ISO timestamp>"}` runs it
 * as of another moment, and only on a CMS started with PBGDPL_ALLOW_CLOCK_OVERRIDE=1 (tests,
 * drills): a moment in the future would write that date's events early, and the real
 * midnight's events would then be dropped as duplicates, so the sites would change a day early
 * and never again for that date.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUPER_ADMIN_ROLE_CODE, todayInVietnam } from '@pbgdpl/domain';
import { adminScope } from '../federation';
import type { AdminUser } from '../federation/types';
import { captureDateDrivenChanges } from './dates';

export const DATE_EVENTS_PATH = '/pbgdpl-sync/date-events';
export const CLOCK_OVERRIDE_ENV = 'PBGDPL_ALLOW_CLOCK_OVERRIDE';

const ALLOWED_ROLES = new Set([SUPER_ADMIN_ROLE_CODE, 'pbgdpl-national-admin']);
// A full timestamp with its offset: a bare date or a local time would be read in the server's zone.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const DATE_EVENTS_MESSAGES = {
  role: 'Chỉ quản trị viên quốc gia được chạy việc ghi sự kiện theo ngày.',
  body: 'Nội dung yêu cầu phải là một đối tượng JSON, ví dụ {} hoặc {"now": "2026-01-01T00:00:30+07:00"}.',
  unknownField: (field: string) =>
    `Trường “${field}” không được hỗ trợ: chỉ có trường now (thời điểm, không bắt buộc).`,
  overrideDisabled: `Không được chỉ định thời điểm (now) trên máy chủ này: việc ghi sự kiện luôn theo giờ thực. Chỉ máy chủ kiểm thử hoặc diễn tập chạy với ${CLOCK_OVERRIDE_ENV}=1 mới nhận now; bỏ trường now để ghi các sự kiện đến hôm nay.`,
  badTimestamp: (value: string) =>
    `Thời điểm now “${value}” không hợp lệ: cần dạng ISO 8601 có múi giờ, ví dụ 2026-01-01T00:00:30+07:00 hoặc 2025-12-31T17:00:30Z.`,
  notText: 'Thời điểm now phải là một chuỗi dạng ISO 8601 có múi giờ, ví dụ 2026-01-01T00:00:30+07:00.',
};

/** Whether this process accepts an explicit `now` (read on each request). */
export function clockOverrideAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[CLOCK_OVERRIDE_ENV] === '1';
}

function invalid(message: string, field: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
}

/**
 * The moment to capture as of: the real time, or the body's `now` where allowed (`driven`).
 * @throws {errors.ValidationError} (400, Vietnamese, naming the field) on any other body.
 */
export function captureMoment(
  body: unknown,
  allowOverride: boolean,
  realNow = new Date(),
): { moment: Date; driven: boolean } {
  const real = { moment: realNow, driven: false };
  if (body === undefined || body === null || body === '') return real;
  if (typeof body !== 'object' || Array.isArray(body)) throw invalid(DATE_EVENTS_MESSAGES.body, 'body');
  const unknown = Object.keys(body).find((field) => field !== 'now');
  if (unknown !== undefined) throw invalid(DATE_EVENTS_MESSAGES.unknownField(unknown), unknown);
  const value = (body as { now?: unknown }).now;
  if (value === undefined) return real;
  if (!allowOverride) throw invalid(DATE_EVENTS_MESSAGES.overrideDisabled, 'now');
  if (typeof value !== 'string') throw invalid(DATE_EVENTS_MESSAGES.notText, 'now');
  const moment = new Date(value);
  if (!ISO_TIMESTAMP.test(value) || Number.isNaN(moment.getTime()) || !sameCalendarFields(value, moment))
    throw invalid(DATE_EVENTS_MESSAGES.badTimestamp(value.slice(0, 64)), 'now');
  return { moment, driven: true };
}

/** Refuses calendar overflow such as 2025-02-30, which Date would roll into March. */
function sameCalendarFields(value: string, moment: Date): boolean {
  const offset = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(value)!;
  const minutes =
    offset[1] === 'Z' ? 0 : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4]));
  const local = new Date(moment.getTime() + minutes * 60_000).toISOString();
  return local.slice(0, 16) === value.slice(0, 16);
}

type Context = {
  request: { body?: unknown };
  state: { user?: AdminUser };
  body: unknown;
  set(name: string, value: string): void;
};

/** Bootstrap: the admin-only route. */
export function registerDateEventsRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      {
        method: 'POST',
        path: DATE_EVENTS_PATH,
        handler: async (ctx: Context) => {
          const { roleCodes } = await adminScope(strapi, ctx.state.user!);
          if (!roleCodes.some((code) => ALLOWED_ROLES.has(code)))
            throw new errors.PolicyError(DATE_EVENTS_MESSAGES.role);
          const { moment: now, driven } = captureMoment(ctx.request.body, clockOverrideAllowed());
          if (driven)
            strapi.log.warn(
              `change-capture: date events captured as of a driven clock, ${now.toISOString()}`,
            );
          const events = await captureDateDrivenChanges(strapi, now);
          strapi.log.info(
            `change-capture: date events run by admin user ${ctx.state.user!.id} as of ${now.toISOString()}: ${events} new`,
          );
          ctx.set('Cache-Control', 'no-store');
          ctx.body = {
            now: now.toISOString(),
            asOf: todayInVietnam(now),
            driven,
            events,
            message:
              events === 0
                ? 'Không có sự kiện mới: các ngày đến hôm nay đã được ghi.'
                : `Đã ghi ${events} sự kiện theo ngày; các trang liên quan sẽ được dựng lại.`,
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}

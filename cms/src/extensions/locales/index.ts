import type { Core } from '@strapi/strapi';

/** Content locales: Vietnamese first (the default), English for translations where they exist. */
export const CONTENT_LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
] as const;

/**
 * Makes sure both content locales exist and `vi` is the default, whatever the database held
 * before (the i18n plugin creates only its init locale on an empty database).
 */
export async function ensureContentLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await locales.find();
  for (const locale of CONTENT_LOCALES) {
    if (!existing.some((l) => l.code === locale.code)) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`i18n: locale ${locale.code} created`);
    }
  }
  if ((await locales.getDefaultLocale()) !== 'vi') {
    await locales.setDefaultLocale({ code: 'vi' });
    strapi.log.info('i18n: default locale set to vi');
  }
}

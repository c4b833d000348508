import { readBodySettings, type BodySettings } from './settings';

let settings: BodySettings | null = null;

/** The live settings (read at register; tests change them in place). */
export function bodySettings(): BodySettings {
  settings ??= readBodySettings();
  return settings;
}

/** Reads the settings again from the environment (register phase: a bad value stops the boot). */
export function reloadBodySettings(): BodySettings {
  settings = readBodySettings();
  return settings;
}

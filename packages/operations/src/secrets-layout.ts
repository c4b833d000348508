/**
 * The secrets layout: which configuration variables the CMS has and where each is set — never a
 * value, nor a hash of one (a hash of a weak password can be guessed offline). A restore needs the
 * same secret values from the operators' secret store: with another API_TOKEN_SALT every API
 * token stops working, with another ENCRYPTION_KEY stored encrypted values cannot be read.
 */
import fs from 'node:fs';

export interface SecretsLayout {
  /** The env file read (as given), or null when there was none. */
  envFile: string | null;
  variables: Array<{
    name: string;
    /** Where a value was found: the env file, the backup command's own environment, or nowhere. */
    setIn: 'env-file' | 'environment' | 'not-set';
    /** Named like a secret (key, salt, password, token, a URL that may carry a password). */
    secret: boolean;
    /** Listed in the documented example file. */
    documented: boolean;
  }>;
}

const SECRET_NAME = /(KEY|KEYS|SECRET|SALT|PASSWORD|TOKEN)$|^DATABASE_URL$/;

/** Variable names of an env file, including commented-out documented ones (`# NAME=`) when asked. */
export function envFileNames(text: string, includeCommented: boolean): Map<string, boolean> {
  const names = new Map<string, boolean>();
  for (const line of text.split('\n')) {
    const m = /^\s*(#\s*)?(?:export\s+)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m || (m[1] && !includeCommented)) continue;
    const value = m[3]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    names.set(m[2]!, !m[1] && value !== '');
  }
  return names;
}

export function readSecretsLayout(options: {
  envFile: string | null;
  exampleFile: string | null;
  environment?: NodeJS.ProcessEnv;
}): SecretsLayout {
  const environment = options.environment ?? process.env;
  const read = (file: string | null) => (file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  const envText = read(options.envFile);
  const fromFile = envText === null ? new Map<string, boolean>() : envFileNames(envText, false);
  const exampleText = read(options.exampleFile);
  const documented =
    exampleText === null ? new Set<string>() : new Set(envFileNames(exampleText, true).keys());
  const names = [...new Set([...fromFile.keys(), ...documented])].sort();
  return {
    envFile: envText === null ? null : options.envFile,
    variables: names.map((name) => ({
      name,
      setIn: fromFile.get(name) ? 'env-file' : environment[name] ? 'environment' : 'not-set',
      secret: SECRET_NAME.test(name),
      documented: documented.has(name),
    })),
  };
}

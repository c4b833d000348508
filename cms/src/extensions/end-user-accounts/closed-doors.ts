/**
 * What users-permissions opens to the public for end-user accounts, which this platform does not
 * have: citizens read the static sites and send forms without an account; staff sign in to the
 * admin panel. The plugin stays for its Public role (the content API's anonymous permissions).
 */

/** Its content API routes for end users: sign-up, sign-in, providers, password and e-mail flows, sessions. */
export const END_USER_HANDLERS = new Set([
  'auth.connect',
  'auth.callback',
  'auth.register',
  'auth.forgotPassword',
  'auth.resetPassword',
  'auth.emailConfirmation',
  'auth.sendEmailConfirmation',
  'auth.changePassword',
  'auth.refresh',
  'auth.logout',
  'auth.getSessions',
  'auth.revokeSession',
]);

/** The same doors in GraphQL. */
export const END_USER_MUTATIONS = [
  'login',
  'register',
  'forgotPassword',
  'resetPassword',
  'emailConfirmation',
  'changePassword',
] as const;
export const END_USER_QUERIES = ['me'] as const;

/** Their permission actions, which no role keeps. */
export const END_USER_ACTION_PREFIX = 'plugin::users-permissions.auth.';

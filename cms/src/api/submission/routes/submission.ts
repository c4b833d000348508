/**
 * The public form endpoints (contract: docs/forms.md). No login: each route checks what it
 * needs itself (origin, form token, rate limits) — see ../../extensions/submissions.
 */
const open = { auth: false as const, policies: [], middlewares: [] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/submissions/token', handler: 'submission.token', config: open },
    { method: 'POST', path: '/submissions/questions', handler: 'submission.question', config: open },
    {
      method: 'POST',
      path: '/submissions/dialogue-questions',
      handler: 'submission.dialogueQuestion',
      config: open,
    },
    { method: 'POST', path: '/submissions/reports', handler: 'submission.report', config: open },
    { method: 'GET', path: '/submissions/status', handler: 'submission.status', config: open },
    { method: 'GET', path: '/submissions/status/:code', handler: 'submission.status', config: open },
  ],
};

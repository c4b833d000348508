import {
  REVIEW_MESSAGES,
  decideReview,
  mayPublishOnSchedule,
  reviewActor,
  type ReviewActor,
  type ReviewState,
} from './review.js';

describe('reviewActor', () => {
  it.each([
    [null, 'system'],
    [['strapi-super-admin'], 'reviewer'],
    [['pbgdpl-national-admin'], 'reviewer'],
    [['pbgdpl-unit-admin'], 'reviewer'],
    [['pbgdpl-unit-reviewer'], 'reviewer'],
    [['pbgdpl-unit-editor', 'pbgdpl-unit-reviewer'], 'reviewer'],
    [['pbgdpl-unit-editor'], 'editor'],
    [['pbgdpl-national-editor'], 'editor'],
    [['strapi-editor'], 'editor'],
    [['strapi-author'], 'editor'],
    [['a-role-nobody-told-us-about'], 'editor'],
    [[], 'editor'],
  ] as Array<[string[] | null, ReviewActor]>)('roles %j write as %s', (roles, actor) => {
    expect(reviewActor(roles)).toBe(actor);
  });
});

describe('decideReview', () => {
  const editor = (
    current: ReviewState | null,
    requested?: ReviewState,
    publishing = false,
    contentChanged = false,
  ) => decideReview({ actor: 'editor', current, requested, publishing, contentChanged });

  it('lets an editor create, save and submit a draft', () => {
    expect(editor(null)).toEqual({ allowed: true, reviewState: 'draft' });
    expect(editor('draft', 'submitted')).toEqual({ allowed: true, reviewState: 'submitted' });
    expect(editor('changes_requested', 'submitted')).toEqual({ allowed: true, reviewState: 'submitted' });
    expect(editor('submitted', 'draft')).toEqual({ allowed: true, reviewState: 'draft' });
  });

  it.each(['approved', 'changes_requested'] as const)('refuses an editor setting %s', (state) => {
    expect(editor('submitted', state)).toEqual({
      allowed: false,
      problem: 'reviewer_only',
      field: 'reviewState',
      message: REVIEW_MESSAGES.reviewer_only,
    });
    expect(editor(null, state)).toMatchObject({ allowed: false, problem: 'reviewer_only' });
  });

  it('lets an editor save an approved item unchanged, keeping the approval', () => {
    expect(editor('approved', 'approved')).toEqual({ allowed: true, reviewState: 'approved' });
    expect(editor('approved')).toEqual({ allowed: true, reviewState: 'approved' });
  });

  it('sends an approved item back to the reviewer when an editor changes its content', () => {
    expect(editor('approved', 'approved', false, true)).toEqual({ allowed: true, reviewState: 'submitted' });
  });

  it('lets an editor publish only approved work', () => {
    expect(editor('approved', undefined, true)).toEqual({ allowed: true, reviewState: 'approved' });
    for (const state of ['draft', 'submitted', 'changes_requested'] as const) {
      expect(editor(state, undefined, true)).toMatchObject({
        allowed: false,
        problem: 'approval_required',
        message: 'Bài viết cần được người duyệt chấp thuận trước khi xuất bản.',
      });
    }
    expect(editor('approved', undefined, true, true)).toMatchObject({ problem: 'approval_required' });
    expect(editor(null, undefined, true)).toMatchObject({ problem: 'approval_required' });
  });

  it.each(['reviewer', 'system'] as const)(
    'lets the %s approve, send back and publish in any state',
    (actor) => {
      expect(decideReview({ actor, current: 'submitted', requested: 'approved', publishing: false })).toEqual(
        {
          allowed: true,
          reviewState: 'approved',
        },
      );
      expect(
        decideReview({ actor, current: 'submitted', requested: 'changes_requested', publishing: false }),
      ).toEqual({
        allowed: true,
        reviewState: 'changes_requested',
      });
      expect(decideReview({ actor, current: 'draft', publishing: true, contentChanged: true })).toEqual({
        allowed: true,
        reviewState: 'draft',
      });
      expect(decideReview({ actor, current: 'approved', publishing: false, contentChanged: true })).toEqual({
        allowed: true,
        reviewState: 'approved',
      });
    },
  );
});

describe('mayPublishOnSchedule', () => {
  it('publishes approved work whoever wrote it', () => {
    expect(mayPublishOnSchedule('approved', ['editor'])).toBe(true);
  });

  it('publishes unapproved work only when no editor wrote it', () => {
    expect(mayPublishOnSchedule('draft', ['system'])).toBe(true);
    expect(mayPublishOnSchedule('draft', ['reviewer', 'system'])).toBe(true);
    expect(mayPublishOnSchedule('submitted', ['system', 'editor'])).toBe(false);
    expect(mayPublishOnSchedule(null, ['editor'])).toBe(false);
  });
});

import {
  DOCUMENT_REVIEW_MESSAGES,
  decideDocumentReview,
  holdsUrgentPublishRight,
  type DocumentReviewInput,
} from './document-review.js';

const REASON = 'Nghị định có hiệu lực từ ngày mai, người duyệt đang nghỉ phép.';

const decide = (input: Partial<DocumentReviewInput> & Pick<DocumentReviewInput, 'actor'>) =>
  decideDocumentReview({ current: null, publishing: false, urgentPublishRight: false, ...input });

describe('holdsUrgentPublishRight', () => {
  it.each([
    [['pbgdpl-national-admin'], true],
    [['strapi-super-admin'], true],
    [['pbgdpl-unit-editor', 'pbgdpl-national-admin'], true],
    [['pbgdpl-unit-admin'], false],
    [['pbgdpl-unit-reviewer'], false],
    [['pbgdpl-national-editor'], false],
    [[], false],
  ] as Array<[string[], boolean]>)('roles %j: %s', (roles, holds) => {
    expect(holdsUrgentPublishRight(roles)).toBe(holds);
  });
});

describe('decideDocumentReview', () => {
  it('applies the editorial rule to editors, in words about a document', () => {
    expect(decide({ actor: 'editor', current: 'draft', requested: 'submitted' })).toEqual({
      allowed: true,
      reviewState: 'submitted',
      urgent: false,
    });
    expect(decide({ actor: 'editor', current: 'submitted', requested: 'approved' })).toEqual({
      allowed: false,
      problem: 'reviewer_only',
      field: 'reviewState',
      message: DOCUMENT_REVIEW_MESSAGES.reviewer_only,
    });
    expect(decide({ actor: 'editor', current: 'submitted', publishing: true })).toMatchObject({
      allowed: false,
      problem: 'approval_required',
      message: 'Văn bản cần được người duyệt chấp thuận trước khi xuất bản.',
    });
    expect(decide({ actor: 'editor', current: 'approved', publishing: true })).toMatchObject({
      allowed: true,
      urgent: false,
    });
  });

  it('never lets an editor publish urgently, whatever reason is stored', () => {
    expect(
      decide({
        actor: 'editor',
        current: 'draft',
        publishing: true,
        urgentPublishRight: false,
        urgentReason: REASON,
      }),
    ).toMatchObject({ allowed: false, problem: 'approval_required' });
  });

  it('lets a reviewer approve, then publish the approved document', () => {
    expect(decide({ actor: 'reviewer', current: 'submitted', requested: 'approved' })).toMatchObject({
      allowed: true,
      reviewState: 'approved',
    });
    expect(decide({ actor: 'reviewer', current: 'approved', publishing: true })).toEqual({
      allowed: true,
      reviewState: 'approved',
      urgent: false,
    });
    // Approving and publishing in one write (creating a document with both) is an approval too.
    expect(
      decide({ actor: 'reviewer', current: null, requested: 'approved', publishing: true }),
    ).toMatchObject({
      allowed: true,
      urgent: false,
    });
  });

  it.each(['draft', 'submitted', 'changes_requested', null] as const)(
    'refuses a reviewer without the urgent right publishing a %s document',
    (current) => {
      expect(decide({ actor: 'reviewer', current, publishing: true, urgentReason: REASON })).toEqual({
        allowed: false,
        problem: 'reviewer_approval_required',
        field: 'reviewState',
        message: DOCUMENT_REVIEW_MESSAGES.reviewer_approval_required,
      });
    },
  );

  it('asks the holder of the urgent right for a reason of some length, on the reason field', () => {
    for (const urgentReason of [null, '', '   ', 'gấp lắm'])
      expect(
        decide({
          actor: 'reviewer',
          current: 'submitted',
          publishing: true,
          urgentPublishRight: true,
          urgentReason,
        }),
      ).toEqual({
        allowed: false,
        problem: 'urgent_reason_required',
        field: 'urgentPublishReason',
        message: DOCUMENT_REVIEW_MESSAGES.urgent_reason_required,
      });
  });

  it('publishes urgently with a reason and leaves the document in the reviewers’ queue', () => {
    expect(
      decide({
        actor: 'reviewer',
        current: 'draft',
        publishing: true,
        urgentPublishRight: true,
        urgentReason: REASON,
      }),
    ).toEqual({ allowed: true, reviewState: 'submitted', urgent: true });
  });

  it('does not call publishing an approved document urgent, reason or not', () => {
    expect(
      decide({
        actor: 'reviewer',
        current: 'approved',
        publishing: true,
        urgentPublishRight: true,
        urgentReason: REASON,
      }),
    ).toEqual({ allowed: true, reviewState: 'approved', urgent: false });
  });

  it('trusts the system', () => {
    expect(decide({ actor: 'system', current: 'draft', publishing: true })).toEqual({
      allowed: true,
      reviewState: 'draft',
      urgent: false,
    });
  });
});

import {
  askerStatusView,
  deriveQaStatus,
  planQaPublish,
  planQaUpdate,
  type QaModerationState,
  type QaWorkFields,
} from './moderation.js';

const RECEIVED: QaModerationState = {
  status: 'received',
  assigneeEmail: null,
  consentToPublish: true,
  ownerSiteId: '7',
  published: false,
};
const NOTHING: QaWorkFields = { assigneeEmail: null, answer: null, answeredAt: null, rejectionReason: null };
const ANSWER = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nam 62 tuổi.' }] }];

describe('deriveQaStatus', () => {
  it('follows the work: reason → rejected, published, answer with its date → answered, officer → assigned', () => {
    expect(deriveQaStatus(NOTHING, false)).toBe('received');
    expect(deriveQaStatus({ ...NOTHING, assigneeEmail: 'a@b.vn' }, false)).toBe('assigned');
    expect(deriveQaStatus({ ...NOTHING, answer: ANSWER }, false)).toBe('received');
    expect(deriveQaStatus({ ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' }, false)).toBe('answered');
    expect(
      deriveQaStatus(
        {
          ...NOTHING,
          answer: [{ type: 'paragraph', children: [{ type: 'text', text: ' ' }] }],
          answeredAt: '2026-03-02',
        },
        false,
      ),
    ).toBe('received');
    expect(deriveQaStatus({ ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' }, true)).toBe('published');
    expect(deriveQaStatus({ ...NOTHING, answer: ANSWER, rejectionReason: 'Trùng lặp.' }, false)).toBe(
      'rejected',
    );
  });
});

describe('planQaUpdate', () => {
  it('naming an officer makes a received question assigned and tells the officer', () => {
    expect(
      planQaUpdate(RECEIVED, {
        after: { ...NOTHING, assigneeEmail: ' Can.Bo@Ha-Noi.gov.vn ' },
        assigneeWritten: true,
      }),
    ).toEqual({
      ok: true,
      status: 'assigned',
      assigneeEmail: 'can.bo@ha-noi.gov.vn',
      effects: ['notify_assignee'],
      needsPublishRight: false,
    });
  });

  it('saving the same officer again tells nobody; removing them puts the question back', () => {
    const assigned = { ...RECEIVED, status: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    expect(
      planQaUpdate(assigned, { after: { ...NOTHING, assigneeEmail: 'A@B.vn' }, assigneeWritten: true }),
    ).toMatchObject({
      ok: true,
      status: 'assigned',
      effects: [],
    });
    expect(
      planQaUpdate(assigned, { after: { ...NOTHING, assigneeEmail: '' }, assigneeWritten: true }),
    ).toMatchObject({
      ok: true,
      status: 'received',
      assigneeEmail: null,
    });
  });

  it('forwarding gives the question to another unit, received again and unassigned', () => {
    const assigned = { ...RECEIVED, status: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    const request = {
      after: { ...NOTHING, assigneeEmail: 'a@b.vn' },
      assigneeWritten: false,
      forwardTo: '9',
    };
    expect(planQaUpdate(assigned, request)).toEqual({
      ok: true,
      status: 'received',
      assigneeEmail: null,
      effects: ['forward'],
      needsPublishRight: false,
    });
    expect(planQaUpdate(assigned, { ...request, forwardTo: '7' })).toMatchObject({
      ok: false,
      field: 'forwardTo',
    });
    expect(planQaUpdate({ ...RECEIVED, status: 'answered' }, request)).toMatchObject({ ok: false });
    expect(planQaUpdate({ ...RECEIVED, published: true }, request)).toMatchObject({ ok: false });
  });

  it('an answer with its date records the response; without consent it is delivered privately, which needs a publish right', () => {
    const answered = {
      after: { ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' },
      assigneeWritten: false,
    };
    expect(planQaUpdate(RECEIVED, answered)).toMatchObject({
      ok: true,
      status: 'answered',
      effects: ['record_response'],
      needsPublishRight: false,
    });
    expect(planQaUpdate({ ...RECEIVED, consentToPublish: false }, answered)).toMatchObject({
      ok: true,
      effects: ['record_response', 'deliver_answer'],
      needsPublishRight: true,
    });
  });

  it('a reason rejects and tells the asker; a published question must be taken down first', () => {
    const rejected = {
      after: { ...NOTHING, rejectionReason: 'Không thuộc lĩnh vực pháp luật.' },
      assigneeWritten: false,
    };
    expect(planQaUpdate(RECEIVED, rejected)).toMatchObject({
      ok: true,
      status: 'rejected',
      effects: ['notify_rejected'],
    });
    expect(planQaUpdate({ ...RECEIVED, status: 'published', published: true }, rejected)).toMatchObject({
      ok: false,
      field: 'rejectionReason',
    });
  });

  it('editing a published question keeps it published', () => {
    const published = { ...RECEIVED, status: 'published' as const, published: true };
    expect(
      planQaUpdate(published, {
        after: { ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' },
        assigneeWritten: false,
      }),
    ).toMatchObject({
      ok: true,
      status: 'published',
      effects: [],
    });
  });
});

describe('planQaPublish', () => {
  it('publishes answered questions whose askers agreed', () => {
    expect(planQaPublish({ status: 'answered', consentToPublish: true })).toEqual({
      ok: true,
      firstPublication: true,
    });
    expect(planQaPublish({ status: 'published', consentToPublish: true })).toEqual({
      ok: true,
      firstPublication: false,
    });
    expect(planQaPublish({ status: 'assigned', consentToPublish: true })).toMatchObject({
      ok: false,
      field: 'answer',
    });
    expect(planQaPublish({ status: 'answered', consentToPublish: false })).toMatchObject({
      ok: false,
      field: 'consentToPublish',
    });
  });
});

describe('askerStatusView', () => {
  it('shows the answer only once it is given to the asker', () => {
    expect(askerStatusView({ status: 'answered', consentToPublish: true }).answerVisible).toBe(false);
    expect(askerStatusView({ status: 'answered', consentToPublish: false }).answerVisible).toBe(true);
    expect(askerStatusView({ status: 'published', consentToPublish: true })).toMatchObject({
      label: 'Đã trả lời công khai',
      answerVisible: true,
    });
    expect(askerStatusView({ status: 'rejected', consentToPublish: true }).label).toBe('Không được trả lời');
  });
});

import {
  askerStatusView,
  deriveQaStatus,
  planQaPublish,
  planQaUpdate,
  type QaModerationState,
  type QaWorkFields,
} from './moderation.js';

const RECEIVED: QaModerationState = {
  handlingStatus: 'received',
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
      handlingStatus: 'assigned',
      assigneeEmail: 'can.bo@ha-noi.gov.vn',
      effects: ['notify_assignee'],
      needsPublishRight: false,
    });
  });

  it('saving the same officer again tells nobody; removing them puts the question back', () => {
    const assigned = { ...RECEIVED, handlingStatus: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    expect(
      planQaUpdate(assigned, { after: { ...NOTHING, assigneeEmail: 'A@B.vn' }, assigneeWritten: true }),
    ).toMatchObject({
      ok: true,
      handlingStatus: 'assigned',
      effects: [],
    });
    expect(
      planQaUpdate(assigned, { after: { ...NOTHING, assigneeEmail: '' }, assigneeWritten: true }),
    ).toMatchObject({
      ok: true,
      handlingStatus: 'received',
      assigneeEmail: null,
    });
  });

  it('forwarding gives the question to another unit, received again and unassigned', () => {
    const assigned = { ...RECEIVED, handlingStatus: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    const request = {
      after: { ...NOTHING, assigneeEmail: 'a@b.vn' },
      assigneeWritten: false,
      forwardTo: '9',
    };
    expect(planQaUpdate(assigned, request)).toEqual({
      ok: true,
      handlingStatus: 'received',
      assigneeEmail: null,
      effects: ['forward'],
      needsPublishRight: false,
    });
    expect(planQaUpdate(assigned, { ...request, forwardTo: '7' })).toMatchObject({
      ok: false,
      field: 'forwardTo',
    });
    expect(planQaUpdate({ ...RECEIVED, handlingStatus: 'answered' }, request)).toMatchObject({ ok: false });
    expect(planQaUpdate({ ...RECEIVED, published: true }, request)).toMatchObject({ ok: false });
  });

  it('an answer with its date records the response; without consent it is delivered privately, which needs a publish right', () => {
    const answered = {
      after: { ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' },
      assigneeWritten: false,
    };
    expect(planQaUpdate(RECEIVED, answered)).toMatchObject({
      ok: true,
      handlingStatus: 'answered',
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
      handlingStatus: 'rejected',
      effects: ['notify_rejected'],
    });
    expect(
      planQaUpdate({ ...RECEIVED, handlingStatus: 'published', published: true }, rejected),
    ).toMatchObject({
      ok: false,
      field: 'rejectionReason',
    });
  });

  it('editing a published question keeps it published', () => {
    const published = { ...RECEIVED, handlingStatus: 'published' as const, published: true };
    expect(
      planQaUpdate(published, {
        after: { ...NOTHING, answer: ANSWER, answeredAt: '2026-03-02' },
        assigneeWritten: false,
      }),
    ).toMatchObject({
      ok: true,
      handlingStatus: 'published',
      effects: [],
    });
  });
});

describe('planQaPublish', () => {
  it('publishes answered questions whose askers agreed', () => {
    expect(planQaPublish({ handlingStatus: 'answered', consentToPublish: true })).toEqual({
      ok: true,
      firstPublication: true,
    });
    expect(planQaPublish({ handlingStatus: 'published', consentToPublish: true })).toEqual({
      ok: true,
      firstPublication: false,
    });
    expect(planQaPublish({ handlingStatus: 'assigned', consentToPublish: true })).toMatchObject({
      ok: false,
      field: 'answer',
    });
    expect(planQaPublish({ handlingStatus: 'answered', consentToPublish: false })).toMatchObject({
      ok: false,
      field: 'consentToPublish',
    });
  });
});

describe('askerStatusView', () => {
  it('shows the answer only once it is given to the asker', () => {
    expect(askerStatusView({ handlingStatus: 'answered', consentToPublish: true }).answerVisible).toBe(false);
    expect(askerStatusView({ handlingStatus: 'answered', consentToPublish: false }).answerVisible).toBe(true);
    expect(askerStatusView({ handlingStatus: 'published', consentToPublish: true })).toMatchObject({
      status: 'published', // the look-up's JSON keeps its `status` key
      label: 'Đã trả lời công khai',
      answerVisible: true,
    });
    expect(askerStatusView({ handlingStatus: 'rejected', consentToPublish: true }).label).toBe(
      'Không được trả lời',
    );
  });
});

import { askerStatusView, planQaPublish, planQaUpdate, type QaModerationState } from './moderation.js';

const RECEIVED: QaModerationState = {
  status: 'received',
  assigneeEmail: null,
  consentToPublish: true,
  ownerSiteId: '7',
  published: false,
};

describe('planQaUpdate', () => {
  it('assigning a received question marks it assigned and tells the officer', () => {
    expect(planQaUpdate(RECEIVED, { assigneeEmail: ' Can.Bo@Ha-Noi.gov.vn ' })).toEqual({
      ok: true,
      status: 'assigned',
      assigneeEmail: 'can.bo@ha-noi.gov.vn',
      effects: ['notify_assignee'],
      needsPublishRight: false,
    });
  });

  it('saving the same assignee again tells nobody; removing it puts the question back', () => {
    const assigned = { ...RECEIVED, status: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    expect(planQaUpdate(assigned, { assigneeEmail: 'A@B.vn' })).toMatchObject({ ok: true, effects: [] });
    expect(planQaUpdate(assigned, { assigneeEmail: '' })).toMatchObject({
      ok: true,
      status: 'received',
      assigneeEmail: null,
    });
  });

  it('refuses "assigned" without an assignee', () => {
    expect(planQaUpdate(RECEIVED, { status: 'assigned' })).toEqual({
      ok: false,
      field: 'assigneeEmail',
      message: 'Hãy nhập email cán bộ được giao khi chọn trạng thái “Đã giao xử lý”.',
    });
  });

  it('forwarding gives the question to another unit, received again and unassigned', () => {
    const assigned = { ...RECEIVED, status: 'assigned' as const, assigneeEmail: 'a@b.vn' };
    expect(planQaUpdate(assigned, { forwardTo: '9' })).toEqual({
      ok: true,
      status: 'received',
      assigneeEmail: null,
      effects: ['forward'],
      needsPublishRight: false,
    });
    expect(planQaUpdate(assigned, { forwardTo: '7' })).toMatchObject({ ok: false, field: 'forwardTo' });
    expect(planQaUpdate({ ...RECEIVED, status: 'answered' }, { forwardTo: '9' })).toMatchObject({
      ok: false,
    });
    expect(planQaUpdate({ ...RECEIVED, published: true }, { forwardTo: '9' })).toMatchObject({ ok: false });
  });

  it('answering records the response; without consent the answer is delivered privately, which needs a publish right', () => {
    expect(planQaUpdate(RECEIVED, { status: 'answered' })).toMatchObject({
      ok: true,
      effects: ['record_response'],
      needsPublishRight: false,
    });
    expect(planQaUpdate({ ...RECEIVED, consentToPublish: false }, { status: 'answered' })).toMatchObject({
      ok: true,
      effects: ['record_response', 'deliver_answer'],
      needsPublishRight: true,
    });
  });

  it('rejecting tells the asker; "published" is only set by publishing', () => {
    expect(planQaUpdate(RECEIVED, { status: 'rejected' })).toMatchObject({
      ok: true,
      effects: ['notify_rejected'],
    });
    expect(planQaUpdate(RECEIVED, { status: 'published' })).toMatchObject({ ok: false, field: 'status' });
    expect(
      planQaUpdate({ ...RECEIVED, status: 'published', published: true }, { status: 'rejected' }),
    ).toMatchObject({
      ok: false,
      field: 'status',
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
      field: 'status',
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

import { advanceDialogueStatus, dialogueStatusAt, isPublishDue } from './schedule.js';

const dialogue = {
  opensAt: '2026-12-01T01:00:00.000Z',
  liveAt: '2026-12-10T02:00:00.000Z',
  closesAt: '2026-12-15T10:00:00.000Z',
};

describe('dialogueStatusAt', () => {
  it.each([
    ['2026-11-30T00:00:00.000Z', 'planned'],
    ['2026-12-01T01:00:00.000Z', 'open'],
    ['2026-12-09T23:59:59.999Z', 'open'],
    ['2026-12-10T02:00:00.000Z', 'live'],
    ['2026-12-15T09:59:59.999Z', 'live'],
    ['2026-12-15T10:00:00.000Z', 'closed'],
  ])('at %s the dialogue is %s', (now, status) => {
    expect(dialogueStatusAt(dialogue, new Date(now))).toBe(status);
  });

  it('goes from open to closed when there is no live session', () => {
    const noLive = { opensAt: dialogue.opensAt, liveAt: null, closesAt: dialogue.closesAt };
    expect(dialogueStatusAt(noLive, new Date('2026-12-12T00:00:00Z'))).toBe('open');
    expect(dialogueStatusAt(noLive, new Date('2026-12-16T00:00:00Z'))).toBe('closed');
  });

  it('accepts Dates as stored by the database driver', () => {
    const dates = { opensAt: new Date(dialogue.opensAt), closesAt: new Date(dialogue.closesAt) };
    expect(dialogueStatusAt(dates, new Date('2026-12-02T00:00:00Z'))).toBe('open');
  });
});

describe('advanceDialogueStatus', () => {
  it('moves forwards by the dates', () => {
    expect(advanceDialogueStatus('planned', dialogue, new Date('2026-12-11T00:00:00Z'))).toBe('live');
  });

  it('never moves backwards: an early closing stays closed', () => {
    expect(advanceDialogueStatus('closed', dialogue, new Date('2026-12-02T00:00:00Z'))).toBe('closed');
  });

  it('takes the dates when the stored status is unknown', () => {
    expect(advanceDialogueStatus(null, dialogue, new Date('2026-12-02T00:00:00Z'))).toBe('open');
  });
});

describe('isPublishDue', () => {
  const now = new Date('2026-11-28T10:00:00.000Z');
  it('is due at and after the publish time, not before, never without one', () => {
    expect(isPublishDue('2026-11-28T10:00:00.000Z', now)).toBe(true);
    expect(isPublishDue(new Date('2026-11-28T09:00:00.000Z'), now)).toBe(true);
    expect(isPublishDue('2026-11-28T10:00:00.001Z', now)).toBe(false);
    expect(isPublishDue(null, now)).toBe(false);
  });
});

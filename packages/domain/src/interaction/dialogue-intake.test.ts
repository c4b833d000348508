import { dialogueIntake } from './dialogue-intake.js';

const DIALOGUE = {
  opensAt: '2026-03-01T01:00:00.000Z',
  liveAt: '2026-03-20T02:00:00.000Z',
  closesAt: '2026-03-31T10:00:00.000Z',
};

describe('dialogueIntake', () => {
  it('takes questions from opening to closing, the live session included', () => {
    expect(dialogueIntake(DIALOGUE, new Date('2026-03-05T00:00:00Z'))).toEqual({ open: true });
    expect(dialogueIntake({ ...DIALOGUE, phase: 'planned' }, new Date('2026-03-21T00:00:00Z'))).toEqual({
      open: true,
    });
  });

  it('says when a dialogue opens or when it closed, in Vietnam time', () => {
    expect(dialogueIntake(DIALOGUE, new Date('2026-02-01T00:00:00Z'))).toEqual({
      open: false,
      message: 'Cuộc đối thoại chưa mở: bắt đầu nhận câu hỏi từ 08:00 01/03/2026.',
    });
    expect(dialogueIntake(DIALOGUE, new Date('2026-04-01T00:00:00Z'))).toEqual({
      open: false,
      message: 'Cuộc đối thoại đã kết thúc lúc 17:00 31/03/2026: không nhận thêm câu hỏi.',
    });
  });

  it('respects a host who closed early', () => {
    expect(dialogueIntake({ ...DIALOGUE, phase: 'closed' }, new Date('2026-03-05T00:00:00Z'))).toMatchObject({
      open: false,
    });
  });
});

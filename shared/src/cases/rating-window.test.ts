import { checkRatingWindow } from './rating-window';

describe('checkRatingWindow', () => {
  const closed = { closed: true, ratingDeadline: '2026-03-20' };

  it('is open up to the end of the last day in Jining, closed from the next day on', () => {
    expect(checkRatingWindow(closed, new Date('2026-03-20T15:59:59+00:00'))).toBeNull();
    expect(checkRatingWindow(closed, new Date('2026-03-20T16:00:00+00:00'))).toEqual({ kind: 'window-closed', deadline: '2026-03-20' });
  });

  it('is never open for a case not closed yet, or a closed one without a deadline', () => {
    expect(checkRatingWindow({ closed: false }, new Date('2026-03-01T02:00:00Z'))).toEqual({ kind: 'not-closed' });
    expect(checkRatingWindow({ closed: true }, new Date('2026-03-01T02:00:00Z'))).toEqual({ kind: 'window-closed' });
  });
});

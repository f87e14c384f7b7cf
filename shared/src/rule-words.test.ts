import { DEFAULT_SLOT_RULES, type SlotRules } from './booking/rules';
import { CASE_RULES, CORRECTION_RULES } from './cases/rules';
import { COMPLAINT_RULES } from './complaints/rules';
import { bookingWords, bytesText, caseWords, complaintWords, correctionWords, minutesText } from './rule-words';

/** Every text of `after` that differs from `before`, by key. */
const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(before).filter((k) => before[k] !== after[k]);

describe('rule words follow the rules', () => {
  it('say durations and sizes as a citizen reads them', () => {
    expect(minutesText(120)).toBe('2小时');
    expect(minutesText(90)).toBe('1小时30分钟');
    expect(minutesText(30)).toBe('30分钟');
    expect(bytesText(5 * 1024 * 1024)).toBe('5 MB');
    expect(bytesText(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(bytesText(300 * 1024)).toBe('300 KB');
  });

  it("state today's booking rules", () => {
    const w = bookingWords();
    expect(w.window).toBe('可预约2小时后至7天内的时段');
    expect(w.cancel).toBe('开始前2小时以前可以在网上取消或改约');
    expect(w.checkIn).toBe('时段开始前30分钟至结束后15分钟');
    expect(w.noShow).toBe('30天内2次预约未到，网上预约暂停90天');
  });

  // For each number of each rule: change it and see exactly the texts that tell it change, with the new number in them.
  const bookingCases: [keyof SlotRules, number, string[]][] = [
    ['minLeadMinutes', 180, ['window', 'tooSoonShort', 'tooSoon', 'leadNeeded']],
    ['maxAheadDays', 14, ['window', 'tooFarShort', 'tooFar', 'aheadDays']],
    ['cancelLeadMinutes', 240, ['cancelLead', 'cancel', 'cancelTooLate']],
    ['checkInBeforeMinutes', 45, ['checkIn', 'checkInFrom']],
    ['checkInAfterMinutes', 20, ['checkIn']],
    ['noShowWindowDays', 60, ['noShow', 'noShowWindow', 'noShowsToSuspend']],
    ['noShowsToSuspend', 3, ['noShow', 'noShowsToSuspend']],
    ['suspensionDays', 30, ['noShow']],
    ['perItemPerDay', 2, ['perItemPerDay']],
    ['maxActiveBookings', 5, ['maxActive']],
  ];
  it.each(bookingCases)('booking: %s → %d changes %j', (key, value, keys) => {
    const before = bookingWords(DEFAULT_SLOT_RULES);
    const after = bookingWords({ ...DEFAULT_SLOT_RULES, [key]: value });
    expect(changed(before, after).sort()).toEqual([...keys].sort());
    const shown = key.endsWith('Minutes') ? minutesText(value) : String(value);
    for (const k of keys) expect(after[k as keyof typeof after]).toContain(shown);
  });

  const caseCases: [keyof typeof CASE_RULES, number, string[]][] = [
    ['ratingWindowDays', 20, ['ratingWindow']],
    ['callbackDays', 2, ['badRatingPromise']],
    ['correctionDays', 7, ['badRatingPromise']],
    ['commentMaxChars', 500, ['commentPlaceholder']],
    ['lookupWindowMinutes', 30, ['lookupLimit']],
    ['lookupMaxWrongPerCase', 3, ['lookupLimit']],
    ['lookupMaxWrongPerClient', 20, ['lookupLimit']],
  ];
  it.each(caseCases)('cases: %s → %d changes %j', (key, value, keys) => {
    const before = caseWords();
    const after = caseWords({ ...CASE_RULES, [key]: value });
    expect(changed(before, after).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(after[k as keyof typeof after]).toContain(String(value));
  });

  const complaintCases: [keyof typeof COMPLAINT_RULES, number, string[]][] = [
    ['acknowledgeWorkingDays', 2, ['promise']],
    ['replyWorkingDays', 10, ['promise', 'reopenAgainReplyDays']],
    ['reopenDays', 15, ['reopen', 'reopenIfUnsolved', 'reopenLate']],
    ['maxPhotos', 9, ['photosOptional', 'photosMax']],
    ['photoKeepDays', 3, ['photoKept']],
    ['descriptionMin', 8, ['descriptionMin']],
    ['reopenReasonMin', 10, ['reopenReasonMin']],
  ];
  it.each(complaintCases)('complaints: %s → %d changes %j', (key, value, keys) => {
    const before = complaintWords();
    const after = complaintWords({ ...COMPLAINT_RULES, [key]: value });
    expect(changed(before, after).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(after[k as keyof typeof after]).toContain(String(value));
  });

  it('complaints and 补正: a different size limit is said in MB', () => {
    expect(complaintWords({ ...COMPLAINT_RULES, photoMaxBytes: 8 * 1024 * 1024 }).photoMax).toBe('每张不超过8 MB');
    expect(correctionWords({ ...CORRECTION_RULES, fileMaxBytes: 10 * 1024 * 1024 }).fileMax).toBe('每个文件不超过10 MB');
    expect(correctionWords({ ...CORRECTION_RULES, maxFilesPerMaterial: 20 }).files).toContain('每项最多20个');
  });
});

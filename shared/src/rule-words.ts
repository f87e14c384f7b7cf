import { DEFAULT_SLOT_RULES, type SlotRules } from './booking/rules';
import { CASE_RULES, CORRECTION_RULES } from './cases/rules';
import { COMPLAINT_RULES } from './complaints/rules';

/**
 * The words that tell a rule, made from the rule's numbers: a screen, an error hint or a message never types a rule's
 * number again, so changing a number in the rules changes every text that states it (rule-words.test.ts changes each
 * and reads the words; scripts/lib/rule-literals.test.ts finds any literal that restates one). Zod-free, so the
 * miniapp's main package may use it.
 */

/** a rules object with any numbers (the defaults are `as const`) */
type Numbers<T> = { readonly [K in keyof T]: number };

/** 120 → "2小时", 90 → "1小时30分钟", 45 → "45分钟" */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m}分钟`;
  return m ? `${h}小时${m}分钟` : `${h}小时`;
}

/** 5 * 1024 * 1024 → "5 MB", 1.5 MB → "1.5 MB" */
export function bytesText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Booking: the slot window, cancelling, check-in and the no-show rule. */
export function bookingWords(r: SlotRules = DEFAULT_SLOT_RULES) {
  const lead = minutesText(r.minLeadMinutes);
  const cancelLead = minutesText(r.cancelLeadMinutes);
  return {
    /** 可预约2小时后至7天内的时段 */
    window: `可预约${lead}后至${r.maxAheadDays}天内的时段`,
    /** the slot picker's mark on a slot that starts too soon / lies too far */
    tooSoonShort: `不足${lead}`,
    tooFarShort: `超出${r.maxAheadDays}天`,
    tooSoon: `距开始已不足${lead}`,
    tooFar: `这个时段超过了${r.maxAheadDays}天的预约范围`,
    /** 需至少提前2小时预约 */
    leadNeeded: `需至少提前${lead}预约`,
    /** 近7天 (the days a citizen can book in) */
    aheadDays: `近${r.maxAheadDays}天`,
    cancelLead,
    /** 开始前2小时以前可以在网上取消或改约 */
    cancel: `开始前${cancelLead}以前可以在网上取消或改约`,
    cancelTooLate: `距离预约时间已不足${cancelLead}`,
    /** 时段开始前30分钟至结束后15分钟 */
    checkIn: `时段开始前${minutesText(r.checkInBeforeMinutes)}至结束后${minutesText(r.checkInAfterMinutes)}`,
    checkInFrom: `开始前${minutesText(r.checkInBeforeMinutes)}起可签到`,
    /** 30天内2次预约未到，网上预约暂停90天 */
    noShow: `${r.noShowWindowDays}天内${r.noShowsToSuspend}次预约未到，网上预约暂停${r.suspensionDays}天`,
    /** 近30天 (the window no-shows are counted in) */
    noShowWindow: `近${r.noShowWindowDays}天`,
    noShowsToSuspend: `${r.noShowWindowDays}天内有${r.noShowsToSuspend}次预约未到`,
    /** 同一事项每天只能预约1次 */
    perItemPerDay: `同一事项每天只能预约${r.perItemPerDay}次`,
    maxActive: `同时最多保留${r.maxActiveBookings}个未办理的预约`,
  };
}

/** 好差评 and the case lookup. */
export function caseWords(r: Numbers<typeof CASE_RULES> = CASE_RULES) {
  return {
    /** 办结后15个工作日内可以评价 */
    ratingWindow: `办结后${r.ratingWindowDays}个工作日内可以评价`,
    /** 不满意的评价: the call-back and the correction promise */
    badRatingPromise: `大厅会在${r.callbackDays}个工作日内回访、${r.correctionDays}个工作日内整改并反馈`,
    commentPlaceholder: `其他意见或建议（选填，${r.commentMaxChars}字以内）`,
    lookupLimit: `同一编号${r.lookupWindowMinutes}分钟内输错${r.lookupMaxWrongPerCase}次、同一来源输错${r.lookupMaxWrongPerClient}次即暂停`,
  };
}

/** 找茬: the promise, photos and reopening. */
export function complaintWords(r: Numbers<typeof COMPLAINT_RULES> = COMPLAINT_RULES) {
  return {
    /** 1个工作日内签收，5个工作日内答复 */
    promise: `${r.acknowledgeWorkingDays}个工作日内签收，${r.replyWorkingDays}个工作日内答复`,
    /** 答复后7天内可以申请重新办理一次 */
    reopen: `答复后${r.reopenDays}天内可以申请重新办理一次`,
    reopenIfUnsolved: `收到答复后${r.reopenDays}天内，如问题没有解决，可以申请重新办理一次`,
    reopenAgainReplyDays: `重新计算${r.replyWorkingDays}个工作日的答复期限`,
    reopenLate: `重新办理需在答复后${r.reopenDays}天内申请`,
    photosOptional: `照片（可不传，最多${r.maxPhotos}张）`,
    photoMax: `每张不超过${bytesText(r.photoMaxBytes)}`,
    photosMax: `照片最多${r.maxPhotos}张`,
    photoKept: `上传的照片保留${r.photoKeepDays}天`,
    descriptionMin: `至少${r.descriptionMin}个字`,
    reopenReasonMin: `至少${r.reopenReasonMin}个字`,
  };
}

/** 补正: the files one material may have. */
export function correctionWords(r: Numbers<typeof CORRECTION_RULES> = CORRECTION_RULES) {
  return {
    fileMax: `每个文件不超过${bytesText(r.fileMaxBytes)}`,
    files: `照片或PDF，每个不超过${bytesText(r.fileMaxBytes)}，每项最多${r.maxFilesPerMaterial}个`,
    maxFiles: `每项最多${r.maxFilesPerMaterial}个`,
  };
}

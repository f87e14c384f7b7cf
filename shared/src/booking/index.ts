export { type SlotKind, type TimeRange, type SlotCapacity, type SlotRules, SLOT_KINDS, SLOT_KIND_LABEL, DEFAULT_SLOT_RULES } from './rules';
export {
  type SlotTemplate,
  type DaySlotsInput,
  type ParsedSlotId,
  type BookingWindowProblem,
  generateDaySlots,
  slotId,
  parseSlotId,
  bookingWindow,
  checkBookingWindow,
  cancelDeadline,
  checkCancel,
  checkInValidity,
  checkInWindow,
  slotInstants,
} from './slots';
export * from './catalog.schema';
export * from './booking.schema';

/** Stand-ins for the systems we do not own: the city's core systems and WeChat's server APIs. */
export { createMockClock, type MockClock, type MockClockOptions } from './infra/clock';
export { listen, type RunningServer } from './infra/server';
export { ADMIN_PREFIX } from './infra/admin';
export type { Faults, FaultSettings, FaultsView } from './infra/faults';

export { createCoreMock, CORE_PREFIX, type CoreMock, type CoreMockOptions } from './core/core.mock';
export type { CoreState } from './core/state';
export type { CoreDeps, CoreFeature } from './core/routes';
export { SEED_PERSONS, type Person } from './core/seed/persons';
export { HALLS, ZONES, CITY_HALL_ID, ZONE_CAPACITY, SEED_CLOSURES } from './core/seed/halls';
export { THEMES } from './core/seed/themes';
export type { Catalog } from './core/catalog.domain';
export type { CalendarOverride } from './core/calendar.domain';
export type { BookingState } from './core/booking/booking.state';
export { SIGNATURE_HEADERS, MAX_CLOCK_SKEW_S, NONCE_MEMORY_MS } from './core/signature';

export {
  createProvinceMock,
  PROVINCE_PREFIX,
  type ProvinceMock,
  type ProvinceMockOptions,
  type Evaluation as ProvinceEvaluation,
} from './province/province.mock';
export type { CasesState, CaseRecord, RatingRecord, CorrectionRecord } from './core/cases/cases.state';
export type { EventsState, EventFaults, EventsStats } from './core/events/events.state';

export { createWechatMock, type WechatMock, type WechatMockOptions } from './wechat/wechat.mock';
export type { WechatState, RecordedMessage, SheetAnswer, SubscribeAnswer } from './wechat/wechat.state';
export { WX_ERRORS } from './wechat/errors';

export { createWxpayMock, MAX_SKEW_SECONDS, type WxpayMock, type WxpayMockOptions } from './wxpay/wxpay.mock';
export { loadOrCreateWxpayKeys, TEST_MCHID, type WxpayKeys, type PlatformKey } from './wxpay/keys';
export type { WxpayState, WxOrder, WxRefund, WxNotification } from './wxpay/wxpay.state';
export { RETRY_SCHEDULE_MS } from './wxpay/wxpay.state';
export type { Fee, UtilityBill, Payable, BillsState } from './core/bills/bills.state';

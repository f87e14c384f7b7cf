import { appointmentListSchema, appointmentSchema, appointmentTicketSchema, bookingStandingSchema, bookingWords, createAppointmentRequestSchema, idParamSchema, rescheduleRequestSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { AppointmentsService } from './appointments.service';

export function appointmentRoutes(t: RouteTable, s: AppointmentsService): void {
  t.add({
    method: 'post',
    path: '/api/v1/appointments',
    operationId: 'createAppointment',
    summary: '预约一个时段（需实名）；带 Idempotency-Key 的重复提交只约一次',
    tags: ['appointments'],
    auth: true,
    body: createAppointmentRequestSchema,
    response: appointmentSchema,
    status: 201,
    idempotencyKey: true,
    errors: [
      'REAL_NAME_REQUIRED',
      'SLOT_FULL',
      'SLOT_NOT_FOUND',
      'OUTSIDE_BOOKING_WINDOW',
      'DAILY_LIMIT',
      'ACTIVE_LIMIT',
      'BOOKING_SUSPENDED',
      'HALL_CLOSED',
      'ITEM_NOT_AT_HALL',
      'WEEKEND_NOT_OFFERED',
      'IDEMPOTENCY_CONFLICT',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_TIMEOUT',
    ],
    handler: ({ auth, body, idempotencyKey }) => s.create(auth, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/appointments',
    operationId: 'listMyAppointments',
    summary: '我的预约（新的在前）',
    tags: ['appointments'],
    auth: true,
    response: appointmentListSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth }) => s.list(auth),
  });
  t.add({
    method: 'get',
    path: '/api/v1/appointments/:id',
    operationId: 'getAppointment',
    summary: '预约详情',
    tags: ['appointments'],
    auth: true,
    params: idParamSchema,
    response: appointmentSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.get(auth, params.id),
  });
  t.add({
    method: 'post',
    path: '/api/v1/appointments/:id/cancel',
    operationId: 'cancelAppointment',
    summary: `取消预约（${bookingWords().cancel}），名额立即释放`,
    tags: ['appointments'],
    auth: true,
    params: idParamSchema,
    response: appointmentSchema,
    errors: ['REAL_NAME_REQUIRED', 'CANCEL_TOO_LATE', 'BOOKING_NOT_ACTIVE', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.cancel(auth, params.id),
  });
  t.add({
    method: 'post',
    path: '/api/v1/appointments/:id/reschedule',
    operationId: 'rescheduleAppointment',
    summary: '改约到另一个时段：新名额占到后才释放原名额',
    tags: ['appointments'],
    auth: true,
    params: idParamSchema,
    body: rescheduleRequestSchema,
    response: appointmentSchema,
    errors: ['REAL_NAME_REQUIRED', 'CANCEL_TOO_LATE', 'BOOKING_NOT_ACTIVE', 'SLOT_FULL', 'SLOT_NOT_FOUND', 'OUTSIDE_BOOKING_WINDOW', 'DAILY_LIMIT', 'HALL_CLOSED', 'WEEKEND_NOT_OFFERED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params, body }) => s.reschedule(auth, params.id, body.slotId),
  });
  t.add({
    method: 'get',
    path: '/api/v1/appointments/:id/ticket',
    operationId: 'getAppointmentTicket',
    summary: `签到二维码：签名凭证，${bookingWords().checkIn}有效`,
    tags: ['appointments'],
    auth: true,
    params: idParamSchema,
    response: appointmentTicketSchema,
    errors: ['REAL_NAME_REQUIRED', 'BOOKING_NOT_ACTIVE', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.ticket(auth, params.id),
  });
  t.add({
    method: 'get',
    path: '/api/v1/me/booking-standing',
    operationId: 'getBookingStanding',
    summary: `我的预约信用：${bookingWords().noShowWindow}未到次数、是否暂停网上预约及截止日期`,
    tags: ['appointments'],
    auth: true,
    response: bookingStandingSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth }) => s.standing(auth),
  });
}

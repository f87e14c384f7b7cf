/**
 * A business refusal by one of the city's core systems, as it crosses the wire: an HTTP 4xx whose body is
 * `{ code, message, ...details }` (SLOT_FULL with the nearest free slots, BOOKING_SUSPENDED with its end date…).
 * One class for both sides of that wire: the core mock throws it and answers with `body()`; the bff's core client
 * reads one back with `readCoreRefusal` and maps it, once, to our own code.
 */
export interface CoreRefusalData {
  code: string;
  /** what the core said besides its code and message */
  details: Record<string, unknown>;
}

export class CoreRefusal extends Error implements CoreRefusalData {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CoreRefusal';
  }

  /** the answer's body */
  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}

/** The refusal a core 4xx answer carries; a body without a code is an UNKNOWN refusal. */
export function readCoreRefusal(status: number, body: unknown): CoreRefusal {
  const { code, message, ...details } = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const known = typeof code === 'string' ? code : 'UNKNOWN';
  return new CoreRefusal(status, known, typeof message === 'string' ? message : `core refused: ${known}`, details);
}

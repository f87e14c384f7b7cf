/** Test-only routes live here; the real systems never expose this path. */
export const ADMIN_PREFIX = '/__mock';

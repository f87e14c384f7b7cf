import type { Server } from 'node:http';

/**
 * The bff's HTTP server timeouts, the same wherever it runs (server.ts, the test stack): idle keep-alive connections
 * live longer than a load balancer's or a client's own idle limit (60 s), so a client never sends on a socket the bff
 * has just closed; a request gets 30 s.
 */
export function applyServerTimeouts(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
}

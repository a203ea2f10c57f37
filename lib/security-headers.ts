// The headers every response carries. The Content-Security-Policy allows nothing but Netdojo's
// own origin (so a page that tried to load from a CDN would break in every browser test), and
// scripts only with this response's nonce: Next.js reads the nonce from the request's copy of
// the policy and puts it on the scripts it renders.
import { randomBytes } from 'node:crypto';

export interface SecurityOptions {
  /** Served over https: browsers are told to keep to it (HSTS). */
  https: boolean;
  /** Next's dev server evaluates code for hot reload. */
  dev: boolean;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string, options: SecurityOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': chunks that Next's nonce'd scripts load are trusted; nothing else runs.
    // 'wasm-unsafe-eval' compiles WebAssembly (the replay player's terminal), not JavaScript.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${options.dev ? " 'unsafe-eval'" : ''}`,
    // Monaco, xterm.js and React set style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(nonce: string, options: SecurityOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce, options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

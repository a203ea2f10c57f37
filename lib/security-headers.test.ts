import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('allow scripts only with the response\'s nonce, and only from Netdojo itself', () => {
    const csp = contentSecurityPolicy('abc', { https: false, dev: false });
    assert.match(csp, /script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp, /'unsafe-eval'|https?:|\*/);
    assert.match(contentSecurityPolicy('abc', { https: false, dev: true }), /'unsafe-eval'/);
    assert.notEqual(newNonce(), newNonce());
  });

  it('tell browsers to keep to https only when served over https', () => {
    assert.equal(securityHeaders('n', { https: false, dev: false })['strict-transport-security'], undefined);
    assert.match(securityHeaders('n', { https: true, dev: false })['strict-transport-security'] ?? '', /max-age=\d+/);
  });
});

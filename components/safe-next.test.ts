import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from './safe-next';

const origin = 'http://localhost:3000';

describe('safeNext', () => {
  it('keeps paths on this site, with their query and hash', () => {
    assert.equal(safeNext('/labs/netns-veth', origin), '/labs/netns-veth');
    assert.equal(safeNext('/runs/r1?tab=2#term', origin), '/runs/r1?tab=2#term');
    assert.equal(safeNext('/%09/evil.example/', origin), '/%09/evil.example/');
  });

  it('sends everything that would leave the site to the home page', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '\\\\evil.example',
      '/\t/evil.example/',
      '/\n/evil.example/',
      '/.//evil.example/',
      'javascript:alert(1)',
      '/..//evil.example',
    ]) {
      assert.equal(safeNext(next, origin), '/', JSON.stringify(next));
    }
  });
});

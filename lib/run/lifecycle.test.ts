import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { movesTo } from './lifecycle';

describe('the run lifecycle', () => {
  it('only moves forward: creating to ready or an end, ready to an end, never out of an end', () => {
    assert.deepEqual(movesTo('ready'), ['creating']);
    assert.deepEqual(movesTo('failed'), ['creating']);
    assert.deepEqual(movesTo('ended'), ['creating', 'ready']);
    assert.deepEqual(movesTo('expired'), ['creating', 'ready']);
    assert.deepEqual(movesTo('creating'), []);
  });
});

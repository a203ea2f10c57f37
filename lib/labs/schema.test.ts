import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KERNEL_FEATURES as PROBED } from '../../sandbox/kernel-features';
import { loadLab } from './loader';
import { checkProgram, KERNEL_FEATURES, ParamSpec } from './schema';

describe('KERNEL_FEATURES', () => {
  it('names exactly the features the sandbox probes', () => {
    assert.deepEqual([...KERNEL_FEATURES].sort(), [...PROBED].sort());
  });
});

describe('ParamSpec', () => {
  const problems = (spec: unknown) => {
    const result = ParamSpec.safeParse(spec);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '.'}: ${i.message}`);
  };

  it('accepts each kind with a default, and a fixed value without one', () => {
    assert.deepEqual(problems({ value: 8080 }), []);
    assert.deepEqual(problems({ choice: ['a', 'b'], default: 'b' }), []);
    assert.deepEqual(problems({ subnet: { pool: '10.0.0.0/8', prefix: 24 }, default: '10.1.2.0/24' }), []);
    assert.deepEqual(problems({ name: { prefix: 'red' }, default: 'red' }), []);
  });

  it('wants exactly one kind', () => {
    assert.deepEqual(problems({ default: 'x' }), ['.: a param has exactly one of "value", "choice", "subnet" or "name"']);
    assert.deepEqual(problems({ value: 'x', choice: ['x'] }), ['choice: a param has exactly one of "value", "choice", "subnet" or "name"']);
  });

  it('wants a default that the param could draw', () => {
    assert.deepEqual(problems({ choice: ['a'] }), ['.: missing "default": the value used when params are not drawn']);
    assert.deepEqual(problems({ value: 'x', default: 'x' }), ['default: a fixed value is its own default: remove "default"']);
    assert.deepEqual(problems({ choice: ['a', 'b'], default: 'c' }), ['default: default "c" is not one of the choices']);
    assert.deepEqual(problems({ subnet: { pool: '192.168.0.0/16', prefix: 24 }, default: '10.0.0.0/24' }), [
      'default: default must be a /24 network inside 192.168.0.0/16, like 192.168.0.0/24',
    ]);
    assert.deepEqual(problems({ subnet: { pool: '192.168.0.0/16', prefix: 24 }, default: '192.168.15.1/24' }), [
      'default: default must be a /24 network inside 192.168.0.0/16, like 192.168.0.0/24',
    ]);
    assert.deepEqual(problems({ name: { prefix: 'red' }, default: 'Red' }), ['default: a name is a lowercase letter, then lowercase letters, digits or dashes']);
  });

  it('rejects pools that cannot hold the subnet, and names too long for an interface', () => {
    assert.deepEqual(problems({ subnet: { pool: '10.0.0.1/8', prefix: 24 }, default: '10.0.0.0/24' }), ['subnet: pool 10.0.0.1/8 is not a network address (its host bits must be 0)']);
    assert.deepEqual(problems({ subnet: { pool: '10.0.0.0/25', prefix: 24 }, default: '10.0.0.0/24' }), ['subnet: pool 10.0.0.0/25 is smaller than a /24']);
    assert.deepEqual(problems({ name: { prefix: 'namespace', length: 8 }, default: 'ns' }), [
      'name: "namespace-" and 8 random characters exceed 15 characters, the limit of interface names',
    ]);
  });
});

describe('checkProgram', () => {
  it("puts the lab's check helpers before a task's check", async () => {
    const { lab } = await loadLab(join(import.meta.dirname, 'fixtures', 'valid', 'two-node-routing'));
    const [pod] = lab!.tasks;
    assert.equal(checkProgram(lab!, pod!), `${lab!.checkHelpers!.script}\n${pod!.check.script}`);
    assert.equal(checkProgram({ ...lab!, checkHelpers: undefined }, pod!), pod!.check.script);
  });
});

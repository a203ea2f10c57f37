// labs/schema.json must be what schema.ts generates; if this fails, regenerate it with
//   npx tsx lib/labs/json-schema.ts --write
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { labJsonSchema, SCHEMA_FILE } from './json-schema';

describe('labs/schema.json', () => {
  it('is up to date with lib/labs/schema.ts', () => {
    // A boolean, not a diff of two 20 kB strings: the fix is to regenerate, not to read the diff.
    assert.ok(readFileSync(SCHEMA_FILE, 'utf8') === labJsonSchema(), 'labs/schema.json is stale: run npx tsx lib/labs/json-schema.ts --write');
  });

  it('lets editors reject unknown keys and require one of script or file', () => {
    const schema = JSON.parse(labJsonSchema());
    assert.equal(schema.additionalProperties, false);
    const check = schema.properties.tasks.items.properties.check;
    assert.equal(check.additionalProperties, false);
    assert.deepEqual(check.oneOf, [{ required: ['script'] }, { required: ['file'] }]);
    assert.deepEqual(schema.required, ['id', 'title', 'summary', 'module', 'lesson', 'difficulty', 'minutes', 'sandbox', 'tasks']);
  });
});

// labs/schema.json, the JSON Schema editors validate lab.yaml with, generated from the zod
// schema so that the two never disagree. Regenerate after changing schema.ts:
//
//   npx tsx lib/labs/json-schema.ts --write
//
// A lab.yaml opts in with a first line the YAML language server reads:
//   # yaml-language-server: $schema=../schema.json
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LabSpec } from './schema';

export const SCHEMA_FILE = fileURLToPath(new URL('../../labs/schema.json', import.meta.url));

/** The schema as committed: draft-07, which editors' YAML support handles best. */
export function labJsonSchema(): string {
  // The input side: keys with defaults are optional in what authors write.
  const schema = z.toJSONSchema(LabSpec, { target: 'draft-07', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Netdojo lab (lab.yaml)' }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeFileSync(SCHEMA_FILE, labJsonSchema());
  else process.stdout.write(labJsonSchema());
}

// exams/schema.json, for editors validating exam.yaml, generated from the zod schema:
//
//   npx tsx lib/exams/json-schema.ts --write
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ExamSpec } from './schema';

export const EXAM_SCHEMA_FILE = fileURLToPath(new URL('../../exams/schema.json', import.meta.url));

export function examJsonSchema(): string {
  const schema = z.toJSONSchema(ExamSpec, { target: 'draft-07', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Netdojo exam (exam.yaml)' }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeFileSync(EXAM_SCHEMA_FILE, examJsonSchema());
  else process.stdout.write(examJsonSchema());
}

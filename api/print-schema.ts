/**
 * Prints the schema as the server sees it to schema/printed.graphql, or with
 * `--check` fails when the checked-in copy differs (run in CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema, SCHEMA_DIR } from './schema.ts';

const printed = `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
const target = path.join(SCHEMA_DIR, 'printed.graphql');
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== printed) {
    console.error(`${target} is out of date: run "npm run schema:print" and commit it.`);
    process.exit(1);
  }
  console.log('schema/printed.graphql matches the code.');
} else {
  fs.writeFileSync(target, printed);
  console.log(`wrote ${target}`);
}

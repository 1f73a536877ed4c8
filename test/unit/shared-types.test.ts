import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { SEARCH_TYPE_LABELS } from '../../shared/search-types.ts';
import { SUGGEST_TYPE_LABELS } from '../../shared/suggest-types.ts';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

/** The labels a full-text index of cypher/schema.cypher covers. */
function indexLabels(name: string): string[] {
  const match = new RegExp(`CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR \\(n:([A-Za-z|]+)\\)`).exec(read('cypher/schema.cypher'));
  if (match?.[1] === undefined) throw new Error(`cypher/schema.cypher has no full-text index ${name}`);
  return match[1].split('|').sort();
}

/** The values of a GraphQL enum in schema/. */
function enumValues(file: string, name: string): string[] {
  const match = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(read(file));
  if (match?.[1] === undefined) throw new Error(`${file} has no enum ${name}`);
  return match[1]
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').replace(/"[^"]*"/g, '').trim())
    .filter((line) => /^[A-Z_]+$/.test(line))
    .sort();
}

describe('the type lists in shared/ and what the schema and indexes hold', () => {
  it('the entity_names index covers exactly the suggest types, and SuggestType has exactly their names', () => {
    expect(indexLabels('entity_names')).toEqual(Object.values(SUGGEST_TYPE_LABELS).sort());
    expect(enumValues('schema/suggest.graphql', 'SuggestType')).toEqual(Object.keys(SUGGEST_TYPE_LABELS).sort());
  });

  it('the prose_text index covers exactly the search types, and SearchType has exactly their names', () => {
    expect(indexLabels('prose_text')).toEqual(Object.values(SEARCH_TYPE_LABELS).sort());
    expect(enumValues('schema/search.graphql', 'SearchType')).toEqual(Object.keys(SEARCH_TYPE_LABELS).sort());
  });
});

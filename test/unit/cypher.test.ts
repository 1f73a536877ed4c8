import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadCypherCatalog, splitStatements } from '../../core/cypher.ts';

describe('the Cypher catalog', () => {
  it('splits a script on statement ends and drops comments', () => {
    expect(splitStatements('// head\nCREATE INDEX a;\n// note\nCREATE INDEX b;\n')).toEqual(['CREATE INDEX a', 'CREATE INDEX b']);
  });

  it('looks statements up by name and reports a missing one by name', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
    fs.writeFileSync(path.join(directory, 'one.cypher'), '// why\nMATCH (n) RETURN n;\n');
    const catalog = loadCypherCatalog(directory);
    expect(catalog.statement('one')).toBe('MATCH (n) RETURN n');
    expect(() => catalog.statement('two')).toThrow(/No Cypher statement named "two"/);
  });

  it('keeps every statement parameterised: no string building in the shipped files', () => {
    const catalog = loadCypherCatalog();
    const names = fs.readdirSync(CYPHER_DIR).filter((file) => file.endsWith('.cypher'));
    expect(names.length).toBeGreaterThan(20);
    for (const file of names) {
      const text = fs.readFileSync(path.join(CYPHER_DIR, file), 'utf8');
      expect(text, file).not.toMatch(/\$\{/);
    }
    expect(catalog.script('schema').length).toBeGreaterThan(5);
  });
});

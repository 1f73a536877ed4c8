import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadCypherCatalog, splitStatements } from '../../core/cypher.ts';
import { listCypherFiles } from '../../core/cypher-files.ts';

function folder(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

describe('the Cypher catalog', () => {
  it('splits a script on statement ends and drops comments', () => {
    expect(splitStatements('// head\nCREATE INDEX a;\n// note\nCREATE INDEX b;\n')).toEqual(['CREATE INDEX a', 'CREATE INDEX b']);
  });

  it('looks statements up by their path and reports a missing one by name', () => {
    const catalog = loadCypherCatalog(folder({ 'one.cypher': '// why\nMATCH (n) RETURN n;\n', 'api/two.cypher': 'RETURN 2' }));
    expect(catalog.statement('one')).toBe('MATCH (n) RETURN n');
    expect(catalog.statement('api/two')).toBe('RETURN 2');
    expect(catalog.names).toEqual(['api/two', 'one']);
    expect(() => catalog.statement('two')).toThrow(/No Cypher statement named "two"/);
  });

  it('expands a template once per bound value, and only for identifiers', () => {
    const directory = folder({ 'load/nodes.template.cypher': '// {{label}} nodes\nUNWIND $rows AS row CREATE (n:Node:{{label}} {id: row.id})\n' });
    const catalog = loadCypherCatalog(directory, { 'load/nodes': ['Task', 'Passage'] });
    expect(catalog.names).toEqual(['load/nodes:Passage', 'load/nodes:Task']);
    expect(catalog.statement('load/nodes:Task')).toBe('UNWIND $rows AS row CREATE (n:Node:Task {id: row.id})');
    expect(() => catalog.statement('load/nodes:Agency')).toThrow(/No Cypher statement named "load\/nodes:Agency"/);
    expect(() => loadCypherCatalog(directory, { 'load/nodes': ['Task) DETACH DELETE (n'] })).toThrow(/not an identifier/);
    expect(() => loadCypherCatalog(directory, {})).toThrow(/has no values/);
  });

  it('refuses a template with two placeholder names, and two statements of one name', () => {
    expect(() => loadCypherCatalog(folder({ 'x.template.cypher': 'MATCH (a:{{label}})-[:{{type}}]->() RETURN a' }), { x: ['A'] })).toThrow(
      /exactly one placeholder/,
    );
    expect(() => loadCypherCatalog([folder({ 'a.cypher': 'RETURN 1' }), folder({ 'a.cypher': 'RETURN 2' })])).toThrow(/Two Cypher statements are named "a"/);
  });

  it('keeps every statement parameterised: no string building in the shipped files', () => {
    const catalog = loadCypherCatalog();
    const files = listCypherFiles(CYPHER_DIR);
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => file.name.startsWith('api/'))).toBe(true);
    expect(files.some((file) => file.name.startsWith('load/'))).toBe(true);
    for (const file of files) {
      const text = fs.readFileSync(file.file, 'utf8');
      expect(text, file.name).not.toMatch(/\$\{/);
    }
    expect(catalog.script('schema').length).toBeGreaterThan(5);
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';
import { COMMANDS } from '../../cli/registry.ts';
import { PROJECT_ROOT } from '../../core/config.ts';

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('kg', () => {
  it('lists every command in its overview', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const entry of COMMANDS) expect(stdout).toContain(`  ${entry.name} `);
    expect(COMMANDS.map((entry) => entry.name)).toEqual(expect.arrayContaining(['parse', 'ingest', 'entities', 'audit', 'neo4j', 'schema']));
  });

  // Loads every command module (graphql, nodejieba …): seconds on a busy machine.
  it('gives each registered command a module of the same name', { timeout: 60_000 }, async () => {
    for (const entry of COMMANDS) {
      const { command } = await entry.load();
      expect(command.name).toBe(entry.name);
    }
  });

  it.each([['neo4j'], ['neo4j', 'restart'], ['neo4j', 'start', 'now'], ['schema'], ['schema', 'write']])(
    'rejects kg %s … with its usage and exit status 2',
    async (...args) => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toContain(`Usage: kg ${args[0]} `);
    },
  );

  it('prints the usage of neo4j and schema on --help', async () => {
    for (const name of ['neo4j', 'schema']) {
      const { code, stdout } = await run([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: kg ${name} `);
    }
  });

  // In a process of its own: under vitest, graphql is loaded twice (ESM and CJS),
  // and a schema built from one copy cannot be printed by the other.
  it('finds the checked-in printed schema current (kg schema check)', { timeout: 60_000 }, () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'schema', 'check'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/printed\.graphql matches the code/u);
  });
});

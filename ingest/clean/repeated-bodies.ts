/** Step 3 of clean: a document body repeated in the same file is kept once. */
import type { RemovedFragment } from '../model.ts';

/** A repeat shorter than this many non-blank lines may be legitimate (a table header, a refrain). */
const MIN_REPEATED_LINES = 6;
const MIN_REPEATED_CHARACTERS = 200;

/**
 * Drops every later copy of a run of at least MIN_REPEATED_LINES non-blank
 * lines that already occurred earlier in the file. Lines are compared as whole
 * strings through integer ids, and runs are found by hashing windows of ids,
 * so the cost is linear in the number of lines.
 */
export function removeRepeatedBlocks(lines: readonly string[], removed: RemovedFragment[]): string[] {
  const positions: number[] = [];
  const ids: number[] = [];
  const idOf = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    positions.push(index);
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
    }
    ids.push(id);
  });
  if (ids.length < 2 * MIN_REPEATED_LINES) return [...lines];

  const firstWindow = new Map<string, number>();
  const drop = new Set<number>();
  let cursor = 0;
  while (cursor + MIN_REPEATED_LINES <= ids.length) {
    const key = ids.slice(cursor, cursor + MIN_REPEATED_LINES).join(',');
    const earlier = firstWindow.get(key);
    if (earlier === undefined) {
      firstWindow.set(key, cursor);
      cursor++;
      continue;
    }
    let length = 0;
    while (earlier + length < cursor && cursor + length < ids.length && ids[earlier + length] === ids[cursor + length]) {
      length++;
    }
    const copy = positions.slice(cursor, cursor + length).map((position) => lines[position] ?? '');
    const characters = copy.reduce((sum, line) => sum + line.length, 0);
    if (length >= MIN_REPEATED_LINES && characters >= MIN_REPEATED_CHARACTERS) {
      const first = positions[cursor] ?? 0;
      const last = positions[cursor + length - 1] ?? first;
      for (let index = first; index <= last; index++) drop.add(index);
      removed.push({ reason: 'duplicate-body', text: lines.slice(first, last + 1).join('\n') });
      cursor += length;
    } else {
      cursor++;
    }
  }
  return drop.size === 0 ? [...lines] : lines.filter((_, index) => !drop.has(index));
}

/**
 * Step 0b of clean: traditional characters → simplified, so that one set of
 * rules (labels, agency suffixes, titles) reads documents from Hong Kong,
 * Taiwan-style reprints and old scans alike. Only a text that is written in
 * traditional characters is converted: a simplified text keeps every
 * character, including the few that opencc would "simplify" again.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Share of converted ideographs above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.02;
const MIN_TRADITIONAL = 8;

export function isTraditional(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const ideographs = sample.match(/[\u3400-\u9fff]/gu) ?? [];
  if (ideographs.length === 0) return false;
  const converted = toSimplified(ideographs.join(''));
  let changed = 0;
  for (let i = 0; i < ideographs.length && i < converted.length; i += 1) {
    if (ideographs[i] !== converted[i]) changed += 1;
  }
  return changed >= MIN_TRADITIONAL && changed / ideographs.length >= TRADITIONAL_SHARE;
}

export function simplifyScript(text: string): string {
  return isTraditional(text) ? toSimplified(text) : text;
}

/** Traditional → simplified for a short string (a name, an anchor), whatever its share. */
export function simplifiedCharacters(text: string): string {
  return toSimplified(text);
}

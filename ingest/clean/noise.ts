/** Step 2 of clean: noise strings and patterns from the rule list. */
import type { RemovedFragment } from '../model.ts';
import type { CleanRules } from './clean-rules.ts';
import { normaliseLine } from './characters.ts';

export function removeNoise(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): string[] {
  const strings = rules.noiseStrings.map(normaliseLine).filter((noise) => noise.length > 0);
  if (strings.length === 0 && rules.noisePatterns.length === 0) return [...lines];
  return lines.map((line) => {
    let text = line;
    for (const noise of strings) {
      if (!text.includes(noise)) continue;
      const parts = text.split(noise);
      for (let index = 1; index < parts.length; index++) removed.push({ reason: 'noise', text: noise });
      text = parts.join('');
    }
    for (const pattern of rules.noisePatterns) {
      text = text.replace(pattern, (match) => {
        if (match.length > 0) removed.push({ reason: 'noise', text: match });
        return '';
      });
    }
    return text;
  });
}

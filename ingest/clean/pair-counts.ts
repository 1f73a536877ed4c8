import { isIdeographCode } from './characters.ts';

/**
 * How often each pair of adjacent Chinese characters occurs in a text, counted
 * in one pass so that the many look-ups of the rejoin and noise steps stay
 * linear overall. Keys are the two UTF-16 code units packed into one number.
 */
export class PairCounts {
  private readonly counts = new Map<number, number>();

  constructor(text: string) {
    for (let index = 0; index + 1 < text.length; index++) {
      const first = text.charCodeAt(index);
      const second = text.charCodeAt(index + 1);
      if (!isIdeographCode(first) || !isIdeographCode(second)) continue;
      const key = first * 0x10000 + second;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  /** Occurrences of the two-character string `pair` (0 unless both are ideographs). */
  of(pair: string): number {
    return this.counts.get(pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1)) ?? 0;
  }
}

/**
 * A deterministic synthetic corpus: `factor` variants of every seed file,
 * each with shifted years, renumbered document numbers, a different city and
 * perturbed figures, so that every variant parses into distinct documents of
 * the same shapes (same families, same traps) as the seeds.
 */

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CITY_SYLLABLES = ['桂', '梧', '钦', '贺', '崇', '河', '来', '百', '玉', '防', '北', '南', '湘', '沅', '澧', '资'];

export interface SyntheticFile {
  readonly name: string;
  readonly text: string;
}

/** Variant `index` (1-based) of one seed file. */
export function variantOf(name: string, text: string, index: number, random: () => number): SyntheticFile {
  const yearShift = index % 60;
  const city = `${CITY_SYLLABLES[index % CITY_SYLLABLES.length]}${CITY_SYLLABLES[Math.floor(index / CITY_SYLLABLES.length) % CITY_SYLLABLES.length]}`;
  const varied = text
    // Years 2000–2039 move together, keeping "2024年工作安排" consistent with its title.
    .replace(/20([0-3]\d)(?=年|〔|\)|）|\]|】)/g, (_match, yy: string) => String(2000 + Number(yy) + yearShift))
    // Document numbers stay unique across variants: 〔2024〕3号 → 〔2024+s〕(3 + 1000·index)号.
    .replace(/〔(\d{4})〕(\d+)号/g, (_match, year: string, number: string) => `〔${year}〕${Number(number) + 1000 * index}号`)
    .replace(/柳州/g, `${city}州`)
    .replace(/(\d+(?:\.\d+)?)(?=%|亿元|万人|万吨)/g, (figure: string) => {
      const value = Number(figure) * (0.8 + 0.4 * random());
      return figure.includes('.') ? value.toFixed(1) : String(Math.round(value));
    });
  return { name: name.replace(/(\.\w+)$/, `.v${String(index).padStart(3, '0')}$1`), text: varied };
}

/** `factor` variants of each seed (factor 1 = the seeds themselves). */
export function syntheticCorpus(seeds: readonly SyntheticFile[], factor: number, seed = 20261124): SyntheticFile[] {
  if (factor <= 1) return [...seeds];
  const random = seededRandom(seed);
  const files: SyntheticFile[] = [...seeds];
  for (let index = 1; index < factor; index += 1) {
    for (const file of seeds) files.push(variantOf(file.name, file.text, index, random));
  }
  return files;
}

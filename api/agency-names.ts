/**
 * The spellings under which a user may ask for an agency. Documents write
 * the same unit as 柳州市工业和信息化局, 市工业和信息化局 or 工业和信息化局; the
 * graph stores one canonical name plus the aliases the loader saw.
 */

/** A city prefix such as 柳州市 (two or three characters before 市, not itself starting with 市). */
const CITY_PREFIX = /^(?!市)\p{Script=Han}{2,3}市(?=\p{Script=Han}{2})/u;
const MUNICIPAL_PREFIX = '市';

/** Trims and removes inner white space (including the ideographic space). */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/**
 * The name itself first, then the variants with and without a city or
 * municipal prefix. `cityPrefixes` are prefixes to add to a bare name.
 */
export function nameVariants(name: string, cityPrefixes: readonly string[] = ['柳州市']): string[] {
  const normalised = normaliseName(name);
  const variants = [normalised];
  const city = CITY_PREFIX.exec(normalised);
  let bare = normalised;
  if (city) bare = normalised.slice(city[0].length);
  else if (normalised.startsWith(MUNICIPAL_PREFIX) && normalised.length > 2) bare = normalised.slice(MUNICIPAL_PREFIX.length);
  // 市场监督管理局 may be the bare name of 市市场监督管理局, so the whole name is also tried as bare.
  for (const stem of [bare, normalised]) {
    variants.push(`${MUNICIPAL_PREFIX}${stem}`, stem, ...cityPrefixes.map((prefix) => `${prefix}${stem}`));
  }
  return [...new Set(variants)].filter((variant) => variant.length > 0);
}

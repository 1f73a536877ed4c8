/** The editable rule lists the cleaner applies (loaded from `data/rules/` by `../rules.ts`). */
export interface CleanRules {
  /** Literal strings removed wherever they occur (`data/rules/noise.txt`). */
  readonly noiseStrings: readonly string[];
  /** Patterns (global) removed wherever they match (`re:` lines of `data/rules/noise.txt`). */
  readonly noisePatterns: readonly RegExp[];
  /** Lines removed as running headers (`data/rules/running-headers.txt`): literal lines. */
  readonly runningHeaderLines: readonly string[];
  /** Lines removed as running headers: patterns matched against the whole trimmed line. */
  readonly runningHeaderPatterns: readonly RegExp[];
  /**
   * Words a section heading ends with (回顾, 安排 …; `data/rules/heading-endings.txt`):
   * where glued noise after a heading may begin.
   */
  readonly headingEndings: readonly string[];
}

export const NO_CLEAN_RULES: CleanRules = {
  noiseStrings: [],
  noisePatterns: [],
  runningHeaderLines: [],
  runningHeaderPatterns: [],
  headingEndings: [],
};

/**
 * The string-keyed vocabulary linking used before its features became id
 * pairs (ingest/link/link-corpus.ts): kept here as the reference the
 * tests hold `LinkFeatures` to — same ids in the same order, same IDF.
 */
/** Token ids of a collection, assigned in order of first appearance. */
export class StringVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly frequencies: number[] = [];
  private documents = 0;

  /** Registers one document's tokens and returns their ids (with repeats). */
  addDocument(tokens: readonly string[]): number[] {
    this.documents += 1;
    const ids = tokens.map((token) => {
      let id = this.ids.get(token);
      if (id === undefined) {
        id = this.frequencies.length;
        this.ids.set(token, id);
        this.frequencies.push(0);
      }
      return id;
    });
    for (const id of new Set(ids)) this.frequencies[id] = (this.frequencies[id] ?? 0) + 1;
    return ids;
  }

  get size(): number {
    return this.frequencies.length;
  }

  /** Smoothed inverse document frequency: ln(1 + N / df). Rare tokens weigh most. */
  idf(id: number): number {
    const df = this.frequencies[id] ?? 0;
    return df === 0 ? 0 : Math.log(1 + this.documents / df);
  }
}

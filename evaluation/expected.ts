/**
 * The hand-checked truth of a fixture (`NAME.expected.json`, format in
 * test/fixtures/families/README.md), read and validated so that a typo in an
 * expected file is reported against that file instead of scoring as a miss.
 */
import { InputError } from '../core/errors.ts';
import { DOCUMENT_KINDS, OVERSIGHT_ROLES, type DocumentKind, type OversightRole } from '../ingest/model.ts';

export interface ExpectedClause {
  readonly anchor: string;
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
  readonly responsible: readonly string[];
  readonly deadline: string | null;
}

export interface ExpectedLivelihoodRow {
  readonly anchor: string;
  readonly leads: readonly string[];
  readonly responsible: readonly string[];
  readonly supporting: readonly string[];
}

export interface ExpectedLeaderFact {
  readonly name: string;
  readonly role: OversightRole;
  readonly agency: string;
}

export interface ExpectedFigure {
  readonly kind: 'TARGET' | 'ACTUAL';
  readonly year: number;
  readonly metric: string;
  /** null: a qualitative target (与经济增长同步). */
  readonly value: number | null;
}

export interface ExpectedDocument {
  readonly kind: DocumentKind;
  readonly year: number | null;
  readonly jurisdiction: string | null;
  readonly clauses: readonly ExpectedClause[];
  readonly livelihood: readonly ExpectedLivelihoodRow[];
  readonly leaders: readonly ExpectedLeaderFact[];
  readonly figures: readonly ExpectedFigure[];
}

export interface ExpectedFile {
  readonly documents: readonly ExpectedDocument[];
}

type Json = unknown;

export function parseExpectedFile(source: string, file: string): ExpectedFile {
  let json: Json;
  try {
    json = JSON.parse(source);
  } catch (cause) {
    throw new InputError('INPUT_UNRECOGNISED', file, `not valid JSON (${String(cause)})`, { cause });
  }
  const reader = new Reader(file);
  const root = reader.object(json, '');
  return { documents: reader.array(root['documents'], 'documents').map((item, index) => readDocument(reader, item, `documents[${index}]`)) };
}

function readDocument(reader: Reader, value: Json, at: string): ExpectedDocument {
  const object = reader.object(value, at);
  const kind = reader.string(object['kind'], `${at}.kind`);
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) reader.fail(`${at}.kind`, `must be one of ${DOCUMENT_KINDS.join(', ')}`);
  return {
    kind: kind as DocumentKind,
    year: object['year'] === null || object['year'] === undefined ? null : reader.number(object['year'], `${at}.year`),
    jurisdiction: reader.optionalString(object['jurisdiction'], `${at}.jurisdiction`),
    clauses: reader.list(object['clauses'], `${at}.clauses`).map((item, index) => {
      const clause = reader.object(item, `${at}.clauses[${index}]`);
      const where = `${at}.clauses[${index}]`;
      return {
        anchor: reader.string(clause['anchor'], `${where}.anchor`),
        leads: reader.strings(clause['leads'], `${where}.leads`),
        supporting: reader.strings(clause['supporting'], `${where}.supporting`),
        responsible: reader.strings(clause['responsible'], `${where}.responsible`),
        deadline: reader.optionalString(clause['deadline'], `${where}.deadline`),
      };
    }),
    livelihood: reader.list(object['livelihood'], `${at}.livelihood`).map((item, index) => {
      const where = `${at}.livelihood[${index}]`;
      const row = reader.object(item, where);
      return {
        anchor: reader.string(row['anchor'], `${where}.anchor`),
        leads: reader.strings(row['leads'], `${where}.leads`),
        responsible: reader.strings(row['responsible'], `${where}.responsible`),
        supporting: reader.strings(row['supporting'], `${where}.supporting`),
      };
    }),
    leaders: reader.list(object['leaders'], `${at}.leaders`).map((item, index) => {
      const where = `${at}.leaders[${index}]`;
      const fact = reader.object(item, where);
      const role = reader.string(fact['role'], `${where}.role`);
      if (!(OVERSIGHT_ROLES as readonly string[]).includes(role)) reader.fail(`${where}.role`, `must be one of ${OVERSIGHT_ROLES.join(', ')}`);
      return { name: reader.string(fact['name'], `${where}.name`), role: role as OversightRole, agency: reader.string(fact['agency'], `${where}.agency`) };
    }),
    figures: reader.list(object['figures'], `${at}.figures`).map((item, index) => {
      const where = `${at}.figures[${index}]`;
      const figure = reader.object(item, where);
      const kind = reader.string(figure['kind'], `${where}.kind`);
      if (kind !== 'TARGET' && kind !== 'ACTUAL') reader.fail(`${where}.kind`, 'must be TARGET or ACTUAL');
      return {
        kind: kind as 'TARGET' | 'ACTUAL',
        year: reader.number(figure['year'], `${where}.year`),
        metric: reader.string(figure['metric'], `${where}.metric`),
        value: figure['value'] === null || figure['value'] === undefined ? null : reader.number(figure['value'], `${where}.value`),
      };
    }),
  };
}

/** Small typed reader: every failure names the file and the JSON path. */
class Reader {
  constructor(private readonly file: string) {}

  fail(at: string, reason: string): never {
    throw new InputError('INPUT_UNRECOGNISED', this.file, `${at || 'the root'} ${reason}`);
  }

  object(value: Json, at: string): Record<string, Json> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'must be an object');
    return value as Record<string, Json>;
  }

  array(value: Json, at: string): Json[] {
    if (!Array.isArray(value)) this.fail(at, 'must be a list');
    return value as Json[];
  }

  /** An optional list: absent means empty. */
  list(value: Json, at: string): Json[] {
    return value === undefined ? [] : this.array(value, at);
  }

  string(value: Json, at: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(at, 'must be a non-empty string');
    return value as string;
  }

  optionalString(value: Json, at: string): string | null {
    return value === undefined || value === null ? null : this.string(value, at);
  }

  strings(value: Json, at: string): string[] {
    return this.list(value, at).map((item, index) => this.string(item, `${at}[${index}]`));
  }

  number(value: Json, at: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(at, 'must be a number');
    return value as number;
  }
}

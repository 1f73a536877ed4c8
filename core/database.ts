/**
 * The only module that talks to neo4j-driver. One driver per process; callers
 * name statements from `cypher/` and get plain JavaScript rows back
 * (integers as numbers, nodes as property maps).
 */
import neo4j, { type Driver, type ManagedTransaction, isNode, isRelationship } from 'neo4j-driver';
import { DatabaseError, KgError } from './errors.ts';
import type { Neo4jConnectionConfig } from './config.ts';
import type { CypherCatalog, CypherName } from './cypher.ts';

export type Row = Record<string, unknown>;
export type Parameters = Record<string, unknown>;

/** Work inside one write transaction: all of it commits, or none of it. */
export interface WriteTransaction<Name extends string = CypherName> {
  run(statementName: Name, parameters?: Parameters): Promise<Row[]>;
}

export interface ServerInfo {
  readonly name: string;
  readonly version: string;
  readonly edition: string;
}

/** What a probe found: the server's version, or why it is not usable (never its URI). */
export type ProbeResult = { readonly ok: true; readonly info: ServerInfo } | { readonly ok: false; readonly cause: string };

/**
 * `Name`: the statements the catalog holds, the product's (`CypherName`)
 * unless a test adds its own.
 */
export interface Database<Name extends string = CypherName> {
  readonly uri: string;
  /**
   * Runs a named statement in a read-only transaction (READ access mode):
   * auto-commit, and again in a retried managed transaction after a transient failure.
   */
  read(statementName: Name, parameters?: Parameters): Promise<Row[]>;
  /**
   * Runs a named statement as one auto-commit read without `read`'s retries,
   * for small reads made very often whose caller has its own answer to a
   * failure (the response cache's version check).
   */
  readOnce(statementName: Name, parameters?: Parameters): Promise<Row[]>;
  /** Runs `work` in one write transaction, retried by the driver on transient errors. */
  write<T>(work: (transaction: WriteTransaction<Name>) => Promise<T>): Promise<T>;
  /**
   * Applies `cypher/schema.cypher` (constraints and indexes); safe to repeat.
   * Resolves once every index is online, or, with `awaitIndexes: false`, once
   * every statement ran: constraints are online then (creating one waits for
   * its index), other indexes may still be populating, which a bulk build
   * lets happen while it writes what the import could not carry.
   * `indexesTogether`: the indexes that are not constraints are created in one
   * transaction first, so that the server populates them in one job with one
   * scan of the store (each statement of its own is a job and a scan, two
   * jobs at a time); then the constraints, one statement each. For a store
   * that already holds its data (a bulk build).
   */
  applySchema(options?: { readonly awaitIndexes?: boolean; readonly indexesTogether?: boolean }): Promise<void>;
  serverInfo(): Promise<ServerInfo>;
  /**
   * Asks the server for its version within `probeTimeoutMs`, connecting
   * included, without retries; never throws. Probes made while one is under
   * way share its answer.
   */
  probe(): Promise<ProbeResult>;
  verifyConnectivity(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions<Name extends string = CypherName> {
  /** Called once per statement sent to the server, e.g. to count round trips. */
  readonly onStatement?: (statementName: Name | OwnStatement, parameters: Parameters) => void;
  /**
   * How long a transaction is retried on transient errors, a lost server
   * included (the driver's default: 30 s); a run that stops at the first lost
   * connection waits this long before it knows.
   */
  readonly maxTransactionRetryTimeMs?: number;
}

/** The statements the database module itself runs; every catalog it is given must hold them. */
type OwnStatement = Extract<CypherName, 'schema' | 'schema-outdated' | 'schema-drop-agency-name' | 'server-components'>;

/** schema.cypher's last statement, left out by `applySchema({ awaitIndexes: false })`. */
const AWAIT_INDEXES = /^CALL\s+db\.awaitIndexes\b/i;
const CONSTRAINT = /^CREATE\s+CONSTRAINT\b/i;

/** Run last in every write transaction when the catalog holds it: a new token for the graph's version. */
const VERSION_BUMP = 'graph/version-bump' satisfies CypherName;

/**
 * Converts driver values (Node, Relationship, temporal) into plain data.
 * Integers already arrive as numbers (`disableLosslessIntegers`).
 *
 * In place: the driver decodes every record into objects of its own that
 * nothing else holds, so lists and maps keep their identity and only the
 * values that need converting are replaced (keys keep their order). Copying
 * every map and list of a row, as this did before, was the API's largest
 * cost of its own after the driver's decoding (and a share of its GC).
 */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Scalars and plain maps first: they are nearly every value of a row, and
  // the graph-type checks below cost a property lookup each (a tenth of the
  // API's driver-side CPU when they came first).
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = toPlain(value[index]);
    return value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return plainMap(value as Row);
  if (isNode(value)) return withBookkeeping(value.properties as Row, '_labels', value.labels);
  if (isRelationship(value)) return withBookkeeping(value.properties as Row, '_type', value.type);
  if (value instanceof Uint8Array) return value;
  // Temporal values (and any other driver class) print as ISO strings.
  return String(value);
}

function plainMap(map: Row): Row {
  for (const key of Object.keys(map)) {
    const inner = map[key];
    // Most values are scalars: no call for them.
    if (inner === undefined || (typeof inner === 'object' && inner !== null)) map[key] = toPlain(inner);
  }
  return map;
}

/** A node's or relationship's properties (the driver's own map) with its labels or type added, as `{ ...properties, [key]: value }` would. */
function withBookkeeping(properties: Row, key: string, value: unknown): Row {
  const plain = plainMap(properties);
  plain[key] = value;
  return plain;
}

/**
 * JavaScript numbers travel as floats; whole numbers are sent as Cypher
 * integers so that years, ordinals and LIMIT/SKIP arguments have the type
 * Cypher expects.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const converted: Row = {};
    for (const [key, inner] of Object.entries(value)) converted[key] = toDriverValue(inner);
    return converted;
  }
  return value;
}

function rowsOf(records: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[]): Row[] {
  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

function wrapError(error: unknown, uri: string, statementName: string): KgError {
  if (error instanceof KgError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new DatabaseError('DATABASE_UNAVAILABLE', `Neo4j at ${uri} is not reachable (${code}). Is it running? Start it with "npm run neo4j -- start" or set NEO4J_URI.`, { cause: error });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new DatabaseError('DATABASE_UNAVAILABLE', `Neo4j at ${uri} rejected the credentials: check NEO4J_USER and NEO4J_PASSWORD.`, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('TransactionTimedOut')) {
    return new DatabaseError('DATABASE_QUERY_FAILED', `Statement "${statementName}" exceeded its time limit.`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError('DATABASE_QUERY_FAILED', `Statement "${statementName}" failed: ${message}`, { cause: error });
}

/** Why a probe failed, in words a client may see: the code of the driver's error, never the server's address. */
function probeCause(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return `Neo4j is not reachable (${code})`;
  if (code === 'Neo.ClientError.Security.Unauthorized') return 'Neo4j rejected the credentials';
  if (typeof code === 'string' && code !== '') return `Neo4j refused the probe (${code})`;
  return 'Neo4j did not answer the probe';
}

function serverInfoOf(rows: readonly Row[]): ServerInfo {
  const first = rows[0];
  if (!first) throw new DatabaseError('DATABASE_QUERY_FAILED', 'dbms.components() returned nothing');
  const versions = first['versions'];
  return {
    name: String(first['name']),
    version: Array.isArray(versions) ? String(versions[0]) : String(versions),
    edition: String(first['edition']),
  };
}

export function createDatabase<Name extends string = CypherName>(
  connection: Neo4jConnectionConfig,
  catalog: CypherCatalog<Name | OwnStatement>,
  options: DatabaseOptions<Name> = {},
): Database<Name> {
  const driver: Driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    ...(options.maxTransactionRetryTimeMs === undefined ? {} : { maxTransactionRetryTime: options.maxTransactionRetryTimeMs }),
    logging: { level: 'error', logger: () => undefined },
  });
  const database = connection.database;
  const onStatement = options.onStatement ?? (() => undefined);
  // Tests' own catalogs may lack it; the product's always holds it.
  const bumpsVersion = catalog.names.includes(VERSION_BUMP);

  /*
   * Probes have a driver of their own: its short connection and acquisition
   * timeouts bound a probe of a server that is down or hung, and a pool
   * exhausted by slow queries does not make the server look down.
   */
  let probeDriver: Driver | null = null;
  let probing: Promise<ProbeResult> | null = null;

  async function probeOnce(): Promise<ProbeResult> {
    const timeoutMs = connection.probeTimeoutMs;
    probeDriver ??= neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 2,
      connectionAcquisitionTimeout: timeoutMs,
      connectionTimeout: timeoutMs,
      logging: { level: 'error', logger: () => undefined },
    });
    const session = probeDriver.session({ database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, cause: `Neo4j did not answer within ${timeoutMs} ms` }), timeoutMs);
    });
    const asked = (async (): Promise<ProbeResult> => {
      onStatement('server-components', {});
      // An auto-commit query: no retries, so a failure is reported at once.
      const result = await session.run(catalog.statement('server-components'), {}, { timeout: timeoutMs });
      return { ok: true, info: serverInfoOf(rowsOf(result.records)) };
    })().catch((error: unknown): ProbeResult => ({ ok: false, cause: probeCause(error) }));
    try {
      return await Promise.race([asked, deadline]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  async function runIn(transaction: ManagedTransaction, statementName: Name | OwnStatement, parameters: Parameters): Promise<Row[]> {
    onStatement(statementName, parameters);
    const result = await transaction.run(catalog.statement(statementName), toDriverValue(parameters) as Parameters);
    return rowsOf(result.records);
  }

  /** One auto-commit statement; driver errors as they come. */
  async function autoCommitRead(statementName: Name | OwnStatement, parameters: Parameters): Promise<Row[]> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      onStatement(statementName, parameters);
      const result = await session.run(catalog.statement(statementName), toDriverValue(parameters) as Parameters, { timeout: connection.queryTimeoutMs });
      return rowsOf(result.records);
    } finally {
      await session.close();
    }
  }

  /*
   * A read is first sent as an auto-commit statement: RUN and PULL go in one
   * socket write and one round trip, where a managed transaction writes BEGIN,
   * RUN and COMMIT separately and waits twice (a third of an API request's
   * time under load, measured with --cpu-prof). Only a transient failure (a
   * lost connection, a leader switch) then takes the managed, retried path,
   * so reads keep the driver's retries; a read is safe to repeat.
   */
  async function read(statementName: Name | OwnStatement, parameters: Parameters = {}): Promise<Row[]> {
    try {
      return await autoCommitRead(statementName, parameters);
    } catch (error) {
      if (!neo4j.isRetriableError(error)) throw wrapError(error, connection.uri, statementName);
    }
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((transaction) => runIn(transaction, statementName, parameters), {
        timeout: connection.queryTimeoutMs,
      });
    } catch (error) {
      throw wrapError(error, connection.uri, statementName);
    } finally {
      await session.close();
    }
  }

  async function readOnce(statementName: Name | OwnStatement, parameters: Parameters = {}): Promise<Row[]> {
    try {
      return await autoCommitRead(statementName, parameters);
    } catch (error) {
      throw wrapError(error, connection.uri, statementName);
    }
  }

  return {
    uri: connection.uri,

    read,

    readOnce,

    async write(work) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      let current = '(write transaction)';
      try {
        return await session.executeWrite(async (transaction) => {
          const result = await work({
            run: (statementName, parameters = {}) => {
              current = statementName;
              return runIn(transaction, statementName, parameters);
            },
          });
          // Last in the transaction: the graph's version changes when (and only when)
          // this write commits, so the API's response cache is never stale.
          if (bumpsVersion) {
            current = VERSION_BUMP;
            // Held by this catalog (checked above), though not by every catalog's type.
            await runIn(transaction, VERSION_BUMP as Name, {});
          }
          return result;
        });
      } catch (error) {
        throw wrapError(error, connection.uri, current);
      } finally {
        await session.close();
      }
    },

    async applySchema(options = {}) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        // A constraint an earlier schema defined otherwise is dropped first, so that
        // schema.cypher creates it as it is now (CREATE … IF NOT EXISTS would keep the old one).
        onStatement('schema-outdated', {});
        const outdated = await session.run(catalog.statement('schema-outdated'));
        for (const record of outdated.records) {
          const name = String(record.get('statement'));
          if (name !== 'schema-drop-agency-name') continue;
          onStatement(name, {});
          await session.run(catalog.statement(name));
        }
        // Each its own auto-commit statement: they commit one by one, and as every one is
        // IF NOT EXISTS, a run stopped half-way is finished by the next.
        let statements = catalog.script('schema').filter((statement) => options.awaitIndexes !== false || !AWAIT_INDEXES.test(statement));
        if (options.indexesTogether === true) {
          const together = statements.filter((statement) => !CONSTRAINT.test(statement) && !AWAIT_INDEXES.test(statement));
          const transaction = session.beginTransaction();
          try {
            for (const statement of together) {
              onStatement('schema', {});
              await transaction.run(statement);
            }
            await transaction.commit();
          } finally {
            if (transaction.isOpen()) await transaction.rollback();
          }
          statements = statements.filter((statement) => !together.includes(statement));
        }
        for (const statement of statements) {
          onStatement('schema', {});
          await session.run(statement);
        }
      } catch (error) {
        throw wrapError(error, connection.uri, 'schema');
      } finally {
        await session.close();
      }
    },

    async serverInfo() {
      return serverInfoOf(await read('server-components'));
    },

    probe() {
      probing ??= probeOnce().finally(() => {
        probing = null;
      });
      return probing;
    },

    async verifyConnectivity() {
      try {
        await driver.verifyConnectivity({ database });
      } catch (error) {
        throw wrapError(error, connection.uri, 'verifyConnectivity');
      }
    },

    async close() {
      await Promise.all([driver.close(), probeDriver?.close()]);
    },
  };
}

// The embedded SQLite driver: one connection, transactions that take the write lock when they
// begin, prepared statements kept, and group commit.
//
// With synchronous=FULL every COMMIT waits for the disk (fsync) on the event loop's thread; one
// application submit spends more time there than in all its other work. Group commit keeps the
// durability and shares the wait: a finished transaction only releases its savepoint inside one
// open `BEGIN IMMEDIATE` transaction; the next callers of the connection (those queued, and those
// that reach it within one turn of the event loop) join it, and one COMMIT (one fsync) ends them
// all — when nobody else wants the connection, or after 64 members or 10 ms. Nobody's
// `db.transaction()` resolves before the COMMIT that made its writes durable has returned, so an
// answer given (a receipt number) is never lost; a failed COMMIT fails every transaction in it.
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';

const STATEMENT_CACHE_SIZE = 1000;
const SAVEPOINT = 'tongban_tx';

export interface GroupCommitOptions {
  /** Transactions committed together at most (default 64). */
  maxBatch?: number;
  /** Longest a finished transaction waits for others to join its commit, in ms (default 10). */
  maxDelayMs?: number;
}

class CachingSqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  /** A write ran outside a savepoint-wrapped transaction (its durability comes with the batch). */
  wrote = false;

  constructor(readonly sqlite: BetterSqlite3.Database) {}

  statement(text: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      this.#statements.set(text, statement);
    }
    return statement;
  }

  exec(text: string): void {
    this.statement(text).run();
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    const statement = this.statement(sql);
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    this.wrote = true;
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId:
        lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { sql, parameters, query } = compiledQuery;
    if (!SelectQueryNode.is(query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    // A statement being iterated cannot run anything else: a fresh one, not the cached one.
    for (const row of this.sqlite.prepare(sql).iterate(parameters)) yield { rows: [row as R] };
  }
}

interface Batch {
  startedAt: number;
  members: number;
  settle: Array<{ resolve: () => void; reject: (error: unknown) => void; mustSucceed: boolean }>;
}

export class GroupCommitSqliteDriver implements Driver {
  readonly #connection: CachingSqliteConnection;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  #locked = false;
  readonly #queue: Array<() => void> = [];
  #batch: Batch | null = null;
  /** The current holder committed a transaction (its result must wait for durability). */
  #holderCommitted = false;
  #flushScheduled = false;
  #flushDue = false;

  constructor(sqlite: BetterSqlite3.Database, options: GroupCommitOptions = {}) {
    this.#connection = new CachingSqliteConnection(sqlite);
    this.#maxBatch = options.maxBatch ?? 64;
    this.#maxDelayMs = options.maxDelayMs ?? 10;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#locked) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#locked = true;
    this.#holderCommitted = false;
    this.#connection.wrote = false;
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    const sqlite = this.#connection.sqlite;
    if (!sqlite.inTransaction) {
      this.#connection.exec('begin immediate');
      this.#batch = { startedAt: performance.now(), members: 0, settle: [] };
    }
    this.#connection.exec(`savepoint ${SAVEPOINT}`);
  }

  async commitTransaction(): Promise<void> {
    this.#connection.exec(`release ${SAVEPOINT}`);
    this.#holderCommitted = true;
  }

  async rollbackTransaction(): Promise<void> {
    // After an error that already ended the whole transaction (SQLITE_FULL, IOERR), there is no
    // savepoint left to roll back to: the batch is gone and fails in releaseConnection.
    if (!this.#connection.sqlite.inTransaction) return;
    this.#connection.exec(`rollback to ${SAVEPOINT}`);
    this.#connection.exec(`release ${SAVEPOINT}`);
  }

  // Savepoints a caller names inside its own transaction (`trx.savepoint(name)`).
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async releaseConnection(): Promise<void> {
    const batch = this.#batch;
    if (!batch) return this.#handOver();
    const sqlite = this.#connection.sqlite;
    if (!sqlite.inTransaction) {
      // The open transaction was ended by an error: nothing in it was committed.
      this.#batch = null;
      const error = new Error('SQLite ended the transaction after an error; nothing in it was saved');
      for (const member of batch.settle) member.reject(error);
      return this.#handOver();
    }
    const mustSucceed = this.#holderCommitted || this.#connection.wrote;
    batch.members += 1;
    const durable = new Promise<void>((resolve, reject) =>
      batch.settle.push({ resolve, reject, mustSucceed }),
    );
    const full = batch.members >= this.#maxBatch || performance.now() - batch.startedAt >= this.#maxDelayMs;
    if (full || this.#flushDue) {
      this.#flush(batch);
    } else if (this.#queue.length === 0 && !this.#flushScheduled) {
      // Nobody is waiting right now; requests already in flight get one turn of the event loop
      // to join before the commit.
      this.#flushScheduled = true;
      setImmediate(() => this.#flushWhenFree());
    }
    this.#handOver();
    return durable;
  }

  /** The scheduled commit: now if the connection is free, else by its holder on release. */
  #flushWhenFree(): void {
    this.#flushScheduled = false;
    const batch = this.#batch;
    if (!batch) return;
    if (this.#locked) {
      this.#flushDue = true;
      return;
    }
    this.#flush(batch);
  }

  #flush(batch: Batch): void {
    this.#batch = null;
    this.#flushDue = false;
    try {
      this.#connection.exec('commit');
    } catch (error) {
      if (this.#connection.sqlite.inTransaction) this.#connection.exec('rollback');
      for (const member of batch.settle) {
        if (member.mustSucceed) member.reject(error);
        else member.resolve();
      }
      return;
    }
    for (const member of batch.settle) member.resolve();
  }

  #handOver(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
  }

  async destroy(): Promise<void> {
    if (this.#batch) this.#flush(this.#batch);
    this.#connection.sqlite.close();
  }
}

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

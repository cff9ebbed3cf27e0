/**
 * Shared PostgreSQL for tests.
 *
 * By default this is PGlite (real PostgreSQL 18 compiled to WASM, in memory). A cold
 * start costs ~2.5 s and ~750 MB RSS, so ONE instance is created lazily per test
 * worker process and reused by every test file that worker runs.
 *
 * If the env var ARCHWRIGHT_PG_URL is set (e.g. postgres://user:pw@127.0.0.1:5432/db),
 * a single `pg` client connection to that server is used instead.
 *
 *   const result = await runDdlIsolated(ddl);
 *   expect(result.error).toBeUndefined();
 *   expect(result.tables.map((t) => `${t.schema}.${t.table}`)).toContain('svc.orders');
 *
 * runDdlIsolated() runs the DDL inside BEGIN ... ROLLBACK, so cases never see each
 * other's objects. The DDL must therefore not contain transaction control (BEGIN/COMMIT/
 * ROLLBACK) nor statements that refuse to run in a transaction block
 * (CREATE INDEX CONCURRENTLY, CREATE DATABASE, VACUUM, ...).
 */
import { PGlite } from '@electric-sql/pglite';

export interface TestPostgres {
  /** 'pglite' (in-process WASM) or 'server' (ARCHWRIGHT_PG_URL). */
  readonly kind: 'pglite' | 'server';
  /** One statement, optional $1.. parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Any number of ;-separated statements, no parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DdlColumn {
  name: string;
  /** As PostgreSQL prints it: `bigint`, `character varying(320)`, `numeric(12,2)`, `svc.order_status`, `timestamp with time zone`. */
  dataType: string;
  nullable: boolean;
  /** Default expression, e.g. `gen_random_uuid()`, `now()`, `'new'::svc.order_status`; null if none. */
  default: string | null;
  identity: 'always' | 'by default' | null;
  /** true for `GENERATED ALWAYS AS (...) STORED` columns. */
  generated: boolean;
  comment: string | null;
}

export interface DdlKey {
  name: string;
  columns: string[];
}

export interface DdlForeignKey extends DdlKey {
  refSchema: string;
  refTable: string;
  refColumns: string[];
  onDelete: 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
  onUpdate: 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
  definition: string;
}

export interface DdlIndex {
  name: string;
  unique: boolean;
  primary: boolean;
  /** Key columns or expressions, e.g. ['status'] or ['lower((email)::text)']. */
  columns: string[];
  /** pg_get_indexdef(), e.g. `CREATE INDEX orders_status_idx ON ONLY svc.orders USING btree (status)`. */
  definition: string;
}

export interface DdlTable {
  schema: string;
  table: string;
  kind: 'table' | 'partitioned';
  /** `schema.table` of the parent if this is a partition. */
  partitionOf: string | null;
  /** e.g. `DEFAULT` or `FOR VALUES FROM (...) TO (...)`. */
  partitionBound: string | null;
  /** e.g. `RANGE (placed_at)` for a partitioned table. */
  partitionKey: string | null;
  comment: string | null;
  columns: DdlColumn[];
  primaryKey: DdlKey | null;
  uniques: DdlKey[];
  foreignKeys: DdlForeignKey[];
  checks: { name: string; definition: string }[];
  /** All indexes, including those backing the primary key and unique constraints. */
  indexes: DdlIndex[];
}

export interface DdlEnum {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
}

export interface DdlError {
  message: string;
  /** 1-based character offset into the DDL text, when PostgreSQL reports one. */
  position?: number;
  /** 1-based line/column derived from position. */
  line?: number;
  column?: number;
  /** SQLSTATE, e.g. 42704 undefined_object, 42601 syntax_error. */
  code?: string;
  detail?: string;
  hint?: string;
}

export interface DdlResult {
  /** Schemas created by the DDL (not pre-existing ones such as public). */
  schemas: string[];
  /** Tables and partitions created by the DDL, sorted by schema then name. */
  tables: DdlTable[];
  enums: DdlEnum[];
  /** Set if the DDL failed; then nothing was kept and tables/enums/schemas are empty. */
  error?: DdlError;
}

// ---------------------------------------------------------------------------------------
// Instance management

/** Per-process cache: survives vitest's per-file module re-evaluation in a reused worker. */
interface SharedState {
  instance?: Promise<TestPostgres>;
  queue: Promise<unknown>;
}
const STATE_KEY = Symbol.for('archwright.test.postgres');
const globalWithState = globalThis as typeof globalThis & { [STATE_KEY]?: SharedState };
const state: SharedState = (globalWithState[STATE_KEY] ??= { queue: Promise.resolve() });

async function createPglite(): Promise<TestPostgres> {
  const db = await PGlite.create();
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const res = await db.query<T>(sql, params);
      return { rows: res.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
  };
}

async function createServerClient(url: string): Promise<TestPostgres> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, application_name: 'archwright-tests' });
  await client.connect();
  // Keep the worker alive-safe: an idle-connection error must not crash the test process.
  client.on('error', () => {});
  return {
    kind: 'server',
    async query<T>(sql: string, params?: unknown[]) {
      const res = await client.query(sql, params);
      return { rows: res.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * The shared PostgreSQL of this test worker (created on first call).
 * If you use it directly, leave no transaction open and create nothing you don't drop:
 * prefer runDdlIsolated() for DDL checks.
 */
export function getPostgres(): Promise<TestPostgres> {
  if (!state.instance) {
    const url = process.env.ARCHWRIGHT_PG_URL;
    const created = url ? createServerClient(url) : createPglite();
    // A failed start must not be cached forever.
    created.catch(() => {
      if (state.instance === created) state.instance = undefined;
    });
    state.instance = created;
  }
  return state.instance;
}

/** Close the shared instance (optional; the worker exiting also frees it). */
export async function closePostgres(): Promise<void> {
  const current = state.instance;
  state.instance = undefined;
  if (current) await (await current).close();
}

/** Serialises users of the single connection so BEGIN..ROLLBACK blocks never interleave. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = state.queue.then(fn, fn);
  state.queue = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------------------
// Isolated DDL run

const SYSTEM_SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

interface Baseline {
  schemaOids: string[];
  relOids: string[];
  typeOids: string[];
}

function oidList(oids: string[]): string {
  // oids come from the database as digit strings; re-check before inlining
  const safe = oids.filter((o) => /^\d+$/.test(o));
  return safe.length ? safe.join(', ') : '0';
}

async function readBaseline(db: TestPostgres): Promise<Baseline> {
  const { rows } = await db.query<{ kind: string; oid: string }>(`
    SELECT 'n' AS kind, n.oid::text AS oid FROM pg_namespace n WHERE ${SYSTEM_SCHEMA_FILTER}
    UNION ALL
    SELECT 'r', c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND ${SYSTEM_SCHEMA_FILTER}
    UNION ALL
    SELECT 't', t.oid::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${SYSTEM_SCHEMA_FILTER}`);
  const pick = (k: string) => rows.filter((r) => r.kind === k).map((r) => r.oid);
  return { schemaOids: pick('n'), relOids: pick('r'), typeOids: pick('t') };
}

const FK_ACTIONS: Record<string, DdlForeignKey['onDelete']> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** PGlite and pg both parse text[] into arrays; be tolerant of a '{a,b}' string anyway. */
function toStringArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.startsWith('{') && v.endsWith('}')) {
    const inner = v.slice(1, -1);
    return inner ? inner.split(',').map((s) => s.replace(/^"(.*)"$/, '$1')) : [];
  }
  return [];
}

async function introspect(db: TestPostgres, base: Baseline): Promise<Omit<DdlResult, 'error'>> {
  const schemas = await db.query<{ name: string }>(`
    SELECT n.nspname AS name FROM pg_namespace n
    WHERE ${SYSTEM_SCHEMA_FILTER} AND n.oid NOT IN (${oidList(base.schemaOids)})
    ORDER BY 1`);

  const relFilter = `c.relkind IN ('r', 'p') AND ${SYSTEM_SCHEMA_FILTER} AND c.oid NOT IN (${oidList(base.relOids)})`;

  const tables = await db.query<{
    oid: string;
    schema: string;
    table: string;
    relkind: string;
    partition_of: string | null;
    partition_bound: string | null;
    partition_key: string | null;
    comment: string | null;
  }>(`
    SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS table, c.relkind::text AS relkind,
      (SELECT pn.nspname || '.' || pc.relname FROM pg_inherits i
         JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of,
      CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
      CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
      obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${relFilter}
    ORDER BY n.nspname, c.relname`);

  const result: DdlTable[] = [];
  const byOid = new Map<string, DdlTable>();
  for (const r of tables.rows) {
    const t: DdlTable = {
      schema: r.schema,
      table: r.table,
      kind: r.relkind === 'p' ? 'partitioned' : 'table',
      partitionOf: r.partition_of,
      partitionBound: r.partition_bound,
      partitionKey: r.partition_key,
      comment: r.comment,
      columns: [],
      primaryKey: null,
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
    };
    result.push(t);
    byOid.set(r.oid, t);
  }

  if (byOid.size > 0) {
    const rels = oidList([...byOid.keys()]);

    const columns = await db.query<{
      rel: string;
      name: string;
      data_type: string;
      not_null: boolean;
      default: string | null;
      identity: string;
      generated: string;
      comment: string | null;
    }>(`
      SELECT a.attrelid::text AS rel, a.attname::text AS name,
        format_type(a.atttypid, a.atttypmod) AS data_type, a.attnotnull AS not_null,
        CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
        a.attidentity::text AS identity, a.attgenerated::text AS generated,
        col_description(a.attrelid, a.attnum) AS comment
      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid IN (${rels}) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`);
    for (const c of columns.rows) {
      byOid.get(c.rel)?.columns.push({
        name: c.name,
        dataType: c.data_type,
        nullable: !c.not_null,
        default: c.default,
        identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'by default' : null,
        generated: c.generated !== '' && c.generated != null,
        comment: c.comment,
      });
    }

    const constraints = await db.query<{
      rel: string;
      name: string;
      type: string;
      columns: unknown;
      ref_schema: string | null;
      ref_table: string | null;
      ref_columns: unknown;
      on_delete: string;
      on_update: string;
      definition: string;
    }>(`
      SELECT con.conrelid::text AS rel, con.conname::text AS name, con.contype::text AS type,
        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
        fn.nspname::text AS ref_schema, fc.relname::text AS ref_table,
        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
        con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
        pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE con.conrelid IN (${rels}) AND con.contype IN ('p', 'u', 'f', 'c')
      ORDER BY con.conrelid, con.conname`);
    for (const c of constraints.rows) {
      const t = byOid.get(c.rel);
      if (!t) continue;
      const key = { name: c.name, columns: toStringArray(c.columns) };
      if (c.type === 'p') t.primaryKey = key;
      else if (c.type === 'u') t.uniques.push(key);
      else if (c.type === 'c') t.checks.push({ name: c.name, definition: c.definition });
      else if (c.type === 'f')
        t.foreignKeys.push({
          ...key,
          refSchema: c.ref_schema ?? '',
          refTable: c.ref_table ?? '',
          refColumns: toStringArray(c.ref_columns),
          onDelete: FK_ACTIONS[c.on_delete] ?? 'no action',
          onUpdate: FK_ACTIONS[c.on_update] ?? 'no action',
          definition: c.definition,
        });
    }

    const indexes = await db.query<{
      rel: string;
      name: string;
      unique: boolean;
      primary: boolean;
      columns: unknown;
      definition: string;
    }>(`
      SELECT i.indrelid::text AS rel, ic.relname::text AS name, i.indisunique AS unique,
        i.indisprimary AS primary,
        ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS columns,
        pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid IN (${rels})
      ORDER BY i.indrelid, ic.relname`);
    for (const ix of indexes.rows) {
      byOid.get(ix.rel)?.indexes.push({
        name: ix.name,
        unique: ix.unique,
        primary: ix.primary,
        columns: toStringArray(ix.columns),
        definition: ix.definition,
      });
    }
  }

  const enums = await db.query<{ schema: string; name: string; values: unknown; comment: string | null }>(`
    SELECT n.nspname::text AS schema, t.typname::text AS name,
      ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
      obj_description(t.oid, 'pg_type') AS comment
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND ${SYSTEM_SCHEMA_FILTER} AND t.oid NOT IN (${oidList(base.typeOids)})
    ORDER BY 1, 2`);

  return {
    schemas: schemas.rows.map((r) => r.name),
    tables: result,
    enums: enums.rows.map((e) => ({ schema: e.schema, name: e.name, values: toStringArray(e.values), comment: e.comment })),
  };
}

function toDdlError(err: unknown, sql: string): DdlError {
  const e = (err ?? {}) as { message?: unknown; position?: unknown; code?: unknown; detail?: unknown; hint?: unknown };
  const out: DdlError = { message: typeof e.message === 'string' ? e.message : String(err) };
  const pos = Number(e.position);
  if (Number.isInteger(pos) && pos > 0) {
    out.position = pos;
    const before = sql.slice(0, pos - 1);
    const lastNl = before.lastIndexOf('\n');
    out.line = before.split('\n').length;
    out.column = pos - 1 - lastNl;
  }
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.detail === 'string' && e.detail) out.detail = e.detail;
  if (typeof e.hint === 'string' && e.hint) out.hint = e.hint;
  return out;
}

const EMPTY = (): Omit<DdlResult, 'error'> => ({ schemas: [], tables: [], enums: [] });

/**
 * Runs `sql` inside BEGIN ... ROLLBACK on the shared instance and reports what it created.
 * Never throws for SQL errors: they come back in `error` (with position/line/column).
 */
export function runDdlIsolated(sql: string): Promise<DdlResult> {
  return exclusive(async () => {
    const db = await getPostgres();
    await db.exec('BEGIN');
    let outcome: DdlResult;
    let leaked = false;
    try {
      const base = await readBaseline(db);
      const { rows } = await db.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      const xid = rows[0]?.xid;
      let error: DdlError | undefined;
      try {
        await db.exec(sql);
      } catch (err) {
        error = toDdlError(err, sql);
      }
      if (error) {
        outcome = { ...EMPTY(), error };
      } else {
        const after = await db.query<{ xid: string | null }>('SELECT pg_current_xact_id_if_assigned()::text AS xid');
        if (after.rows[0]?.xid !== xid) {
          // The DDL ended our transaction (COMMIT/ROLLBACK/END inside it): whatever it did may persist.
          leaked = true;
          outcome = {
            ...EMPTY(),
            error: {
              message:
                'runDdlIsolated: the DDL contains transaction control (BEGIN/COMMIT/ROLLBACK/END); ' +
                'it cannot be isolated. Strip transaction statements before testing.' +
                (db.kind === 'server' ? ' Objects it created may now be committed on the ARCHWRIGHT_PG_URL server.' : ''),
            },
          };
        } else {
          outcome = await introspect(db, base);
        }
      }
    } finally {
      await db.exec('ROLLBACK').catch(() => undefined);
    }
    if (leaked) {
      const current = state.instance;
      if (current && (await current).kind === 'pglite') {
        // Throw the polluted instance away; the next call starts a clean one.
        await closePostgres();
      }
      // A real server cannot be reset safely from here: its objects may now be committed.
    }
    return outcome;
  });
}

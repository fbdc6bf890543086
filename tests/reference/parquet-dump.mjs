// Prints what DuckDB reads from Parquet files, as JSON, for the C# reader tests to compare with.
//
//   node parquet-dump.mjs FILE...
//
// Output: { "<file>": { "columns": [ { "name", "duckType", "values" } ], "nested": [ ... ] } }
// or { "<file>": { "error": "..." } } for a file DuckDB cannot read.
// "columns" holds every flat leaf column (no repeated field on its path; struct fields appear as
// "parent.child"), "nested" the dotted paths of leaves under a repeated field. Every value is a
// string or null, so nothing loses precision in JSON:
//   integers     decimal text (BIGINT included)
//   FLOAT/DOUBLE the IEEE bit pattern as lowercase hex (8 or 16 digits), so NaN and -0 compare exactly
//   BOOLEAN      "true" / "false"
//   VARCHAR      the text;  BLOB: lowercase hex of the bytes
//   TIMESTAMP*   UTC microseconds since the epoch (nanoseconds are floored to microseconds)
//   DATE         days since the epoch
import { DuckDBInstance } from '@duckdb/node-api';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node parquet-dump.mjs FILE...');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const result = {};
for (const file of files) {
  try {
    result[file] = await dump(file);
  } catch (error) {
    // A file DuckDB cannot read (the deprecated LZ4 codec, say) is reported, not fatal.
    result[file] = { error: error.message };
  }
}
process.stdout.write(JSON.stringify(result));

async function dump(file) {
  const literal = sqlString(file);
  const schema = (await connection.runAndReadAll(
    `SELECT name, type, repetition_type, num_children FROM parquet_schema(${literal})`)).getRowObjectsJS();
  const { flat, nested } = leaves(schema);
  if (flat.length === 0) {
    return { columns: [], nested };
  }

  const select = flat.map((path, i) => `${columnExpression(path)} AS c${i}`).join(', ');
  const reader = await connection.runAndReadAll(`SELECT ${select} FROM read_parquet(${literal})`);
  const types = reader.columnTypes().map((t) => t.toString());
  const columns = reader.getColumns().map((values, i) => ({
    name: flat[i].join('.'),
    duckType: types[i],
    values: values.map((v) => render(v, types[i])),
  }));
  return { columns, nested };
}

// Walks the depth-first schema list; the first row is the root.
function leaves(rows) {
  const flat = [];
  const nested = [];
  let index = 1;
  function walk(parentPath, underRepeated) {
    const row = rows[index++];
    const path = [...parentPath, row.name];
    const repeated = underRepeated || row.repetition_type === 'REPEATED';
    const children = Number(row.num_children ?? 0);
    if (children > 0) {
      for (let i = 0; i < children; i++) walk(path, repeated);
    } else if (row.type !== null) {
      (repeated ? nested : flat).push(path);
    }
  }
  const rootChildren = Number(rows[0].num_children ?? 0);
  for (let i = 0; i < rootChildren; i++) walk([], false);
  return { flat, nested: nested.map((p) => p.join('.')) };
}

function columnExpression(path) {
  let expression = `"${path[0].replaceAll('"', '""')}"`;
  for (const field of path.slice(1)) {
    expression = `struct_extract(${expression}, ${sqlString(field)})`;
  }
  return expression;
}

function render(value, type) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (type === 'DOUBLE') return floatBits(value, 8);
    if (type === 'FLOAT') return floatBits(value, 4);
    return String(value);
  }
  if ('micros' in value) return value.micros.toString();
  if ('millis' in value) return (value.millis * 1000n).toString();
  if ('seconds' in value) return (value.seconds * 1000000n).toString();
  if ('nanos' in value) return floorDiv(value.nanos, 1000n).toString();
  if ('days' in value) return String(value.days);
  if ('bytes' in value) return Buffer.from(value.bytes).toString('hex');
  throw new Error(`no rendering for a ${type} value`);
}

function floatBits(value, size) {
  const view = new DataView(new ArrayBuffer(size));
  if (size === 8) {
    view.setFloat64(0, value);
    return view.getBigUint64(0).toString(16).padStart(16, '0');
  }
  view.setFloat32(0, value);
  return view.getUint32(0).toString(16).padStart(8, '0');
}

function floorDiv(a, b) {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

function sqlString(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

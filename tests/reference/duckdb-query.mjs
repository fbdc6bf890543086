// Runs SQL statements in an in-memory DuckDB and prints their results as JSON, for tests that
// ask DuckDB about a file (its metadata, or a filtered count).
//
//   node duckdb-query.mjs SQL...
//
// Output: one array per statement, of row objects whose values are strings or null (BIGINT and
// other exact values keep every digit).
import { DuckDBInstance } from '@duckdb/node-api';

const statements = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const results = [];
for (const sql of statements) {
  const reader = await connection.runAndReadAll(sql);
  results.push(reader.getRowObjectsJson().map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) =>
      [key, value === null ? null : typeof value === 'string' ? value : JSON.stringify(value)]))));
}
process.stdout.write(JSON.stringify(results));

// Makes DuckDB write Parquet files for the interop tests: one table of bar-like rows, written
// with every codec DuckDB has, in format V1 and V2, in small row groups.
//
//   node parquet-write-duckdb.mjs OUTDIR
//
// Prints a JSON array of { "file", "codec", "version" }. The table has nulls in most columns,
// timestamps in s/ms/us/ns precision and as TIMESTAMPTZ (some before 1970), integer and double
// volumes, a handful of symbols including non-ASCII text (dictionary-encoded) and a text column
// with a new value in every row (PLAIN or DELTA_LENGTH_BYTE_ARRAY).
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node parquet-write-duckdb.mjs OUTDIR');
  process.exit(2);
}

const rows = 20000;
const codecs = ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4', 'brotli'];
const versions = ['V1', 'V2'];

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`
  CREATE TABLE bars AS
  SELECT
    i AS id,
    (['AAPL', 'MSFT', 'BTC-USD', 'ÆØÅ-€uro', NULL, ''])[i % 6 + 1] AS symbol,
    CASE WHEN i % 17 = 0 THEN NULL ELSE 'bar ' || i || repeat('x', i % 10) END AS note,
    make_timestamp((i - 1000)::BIGINT * 60000000 + i % 1000) AS ts_us,
    make_timestamp_ms((i - 1000)::BIGINT * 60000 + i % 1000) AS ts_ms,
    make_timestamp_ns((i - 1000)::BIGINT * 60000000000 + i * 7919 % 1000000007) AS ts_ns,
    make_timestamptz(1704067200000000 + i::BIGINT * 60000000) AS ts_tz,
    CASE WHEN i % 13 = 0 THEN NULL ELSE make_timestamp(i::BIGINT * 3600000000) END AS ts_nullable,
    CASE WHEN i % 7 = 0 THEN NULL ELSE 100 + sin(i) * 5 END AS close,
    (i * 1000003)::DOUBLE / 7 AS volume_double,
    CASE WHEN i % 11 = 0 THEN NULL ELSE (i - 10000)::BIGINT * 922337203685477 END AS volume,
    (i % 50000 - 25000)::INTEGER AS small_int,
    CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 3 = 0) END AS flag,
    (i / 3.0)::FLOAT AS ratio,
    DATE '2020-01-01' + (i % 3000)::INTEGER AS day
  FROM range(${rows}) t(i)
  ORDER BY i
`);

const written = [];
for (const version of versions) {
  for (const codec of codecs) {
    const file = path.join(outDir, `duckdb_${codec}_${version}.parquet`);
    await connection.run(
      `COPY bars TO '${file.replaceAll("'", "''")}' ` +
      `(FORMAT parquet, COMPRESSION ${codec}, PARQUET_VERSION ${version}, ROW_GROUP_SIZE 2048)`);
    written.push({ file, codec, version });
  }
}
process.stdout.write(JSON.stringify(written));

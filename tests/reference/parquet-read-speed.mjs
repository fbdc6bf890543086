// The DuckDB side of the Parquet read-speed benchmark: writes 1,000,000 one-minute bars of one
// symbol with DuckDB's default Parquet settings (unless the file exists), then times DuckDB
// reading every column of it on one thread.
//
//   node parquet-read-speed.mjs FILE [RUNS]
//
// Prints { "file", "rows", "runs_ms": [...], "median_ms" } (RUNS 0 only writes the file). Each
// run is an aggregate over all seven columns, so every value is decoded but nothing is copied
// out to JavaScript; a first, untimed run warms the caches. Used by
// bench/QuantCluster.Benchmarks/ParquetReadBenchmarks.cs.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';

const [file, runsArgument] = process.argv.slice(2);
if (!file) {
  console.error('usage: node parquet-read-speed.mjs FILE [RUNS]');
  process.exit(2);
}

const runs = Number(runsArgument ?? 9);
const rows = 1000000;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const literal = `'${file.replaceAll("'", "''")}'`;
if (!existsSync(file)) {
  // A random walk of prices in cents, so the columns look like real bars to the encoder.
  await connection.run(`
    COPY (
      WITH steps AS (
        SELECT i, sum(round((random() - 0.5) * 20)) OVER (ORDER BY i) AS walk FROM range(${rows}) t(i)
      ), bars AS (
        SELECT i, 10000 + abs(walk) AS mid, hash(i) % 40 AS spread FROM steps
      )
      SELECT
        TIMESTAMP '2020-01-01' + to_minutes(i) AS ts,
        'BENCH' AS symbol,
        mid / 100.0 AS open,
        (mid + spread) / 100.0 AS high,
        (mid - spread) / 100.0 AS low,
        (mid + spread // 2) / 100.0 AS close,
        (hash(i * 7) % 100000)::BIGINT AS volume
      FROM bars ORDER BY i
    ) TO ${literal} (FORMAT parquet)`);
}

if (runs === 0) {
  process.stdout.write(JSON.stringify({ file, rows, runs_ms: [], median_ms: null }));
  process.exit(0);
}

await connection.run('SET threads = 1');
const query = `SELECT count(*) AS n, min(ts), max(ts), min(symbol), sum(open), sum(high), sum(low), sum(close), sum(volume)
  FROM read_parquet(${literal})`;
const times = [];
for (let run = 0; run <= runs; run++) {
  const start = process.hrtime.bigint();
  await connection.runAndReadAll(query);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run > 0) times.push(elapsed);
}
const sorted = [...times].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ file, rows, runs_ms: times, median_ms: sorted[Math.floor(sorted.length / 2)] }));

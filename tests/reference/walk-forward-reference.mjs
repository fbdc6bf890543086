// A walk-forward's fold windows and its stitched out-of-sample equity, computed in DuckDB SQL alone
// over the same CSV, as an independent reference for `quant walkforward`
// (tests/QuantCluster.Client.Tests/Commands/Jobs/WalkForwardCommandTests.cs). Shares no code with
// the engine. The windows follow `quant walkforward --in-sample Xd --out-of-sample Yd`: laid from the
// first bar's time, fold k's in-sample window is [t0 + kY, t0 + kY + X) and its out-of-sample window
// the Y days after it; a fold is whole when the bars reach its end, give or take one bar's spacing.
// Each fold's out-of-sample run is the SMA crossover (long only, fill mode close, no costs) with the
// averages taken over every earlier bar, starting flat on the window's first bar; the runs compound.
//
// usage: node walk-forward-reference.mjs <bars.csv> <in_sample_days> <out_of_sample_days> <fast:slow>...
//        (one fast:slow per fold, in fold order: the sets the walk-forward chose)
// prints: {"folds":[{"in_sample":{"from","to"},"out_of_sample":{"from","to"}}...],"total_return":...,"max_drawdown":...}
import { DuckDBInstance } from '@duckdb/node-api';

function fail(message) {
  process.stderr.write(`walk-forward-reference: ${message}\n`);
  process.exit(2);
}

const [csvPath, inText, outText, ...chosenTexts] = process.argv.slice(2);
const inDays = Number(inText), outDays = Number(outText);
if (!csvPath || !Number.isInteger(inDays) || !Number.isInteger(outDays) || inDays < 1 || outDays < 1) {
  fail('usage: node walk-forward-reference.mjs <bars.csv> <in_sample_days> <out_of_sample_days> <fast:slow>...');
}
const chosen = chosenTexts.map((text) => {
  const [fast, slow] = text.split(':').map(Number);
  if (!Number.isInteger(fast) || !Number.isInteger(slow)) fail(`'${text}' is not fast:slow`);
  return { fast, slow };
});

const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const rows = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

const columns = (await rows(`DESCRIBE SELECT * FROM read_csv(${literal(csvPath)}, header = true)`)).map((row) => row.column_name);
const timeColumn = columns[0];
const closeColumn = columns.find((name) => ['close', 'c'].includes(name.toLowerCase()));
await connection.run(`
  CREATE TEMP TABLE bars AS
  SELECT row_number() OVER (ORDER BY "${timeColumn}") - 1 AS t,
         epoch_us(CAST("${timeColumn}" AS TIMESTAMP)) AS us,
         CAST("${closeColumn}" AS DOUBLE) AS close,
         CAST("${closeColumn}" AS DECIMAL(38, 6)) AS quoted_close
  FROM read_csv(${literal(csvPath)}, header = true, types = {${literal(closeColumn)}: 'VARCHAR'})
`);
const [span] = await rows('SELECT min(us) AS first, max(us) AS last, count(*) AS n FROM bars');
const first = Number(span.first), last = Number(span.last), n = Number(span.n);
const day = 86_400_000_000, spacing = Math.floor((last - first) / (n - 1));
const iso = (us) => new Date(Number(us) / 1000).toISOString();

const folds = [];
for (let k = 0; ; k++) {
  const from = first + k * outDays * day, inTo = from + inDays * day, outTo = inTo + outDays * day;
  if (outTo > last + spacing) break;
  const [w] = await rows(`
    SELECT (SELECT min(us) FROM bars WHERE us >= ${from} AND us < ${inTo}) AS is_from,
           (SELECT max(us) FROM bars WHERE us >= ${from} AND us < ${inTo}) AS is_to,
           (SELECT min(us) FROM bars WHERE us >= ${inTo} AND us < ${outTo}) AS oos_from,
           (SELECT max(us) FROM bars WHERE us >= ${inTo} AND us < ${outTo}) AS oos_to`);
  folds.push({ inTo, outTo, window: { in_sample: { from: iso(w.is_from), to: iso(w.is_to) }, out_of_sample: { from: iso(w.oos_from), to: iso(w.oos_to) } } });
}
if (chosen.length !== folds.length) fail(`${chosen.length} chosen sets for ${folds.length} folds`);

let equity = 1, peak = 1, maxDrawdown = 0;
for (let k = 0; k < folds.length; k++) {
  const { fast, slow } = chosen[k];
  const returns = await rows(`
    WITH averages AS (
      SELECT t, us, close,
             CASE WHEN t + 1 >= ${fast} THEN avg(quoted_close) OVER (ORDER BY t ROWS BETWEEN ${fast - 1} PRECEDING AND CURRENT ROW) END AS sma_fast,
             CASE WHEN t + 1 >= ${slow} THEN avg(quoted_close) OVER (ORDER BY t ROWS BETWEEN ${slow - 1} PRECEDING AND CURRENT ROW) END AS sma_slow
      FROM bars
    ),
    window_bars AS (
      SELECT t, close, CASE WHEN sma_fast > sma_slow THEN 1 ELSE 0 END AS pos
      FROM averages WHERE us >= ${folds[k].inTo} AND us < ${folds[k].outTo}
    )
    SELECT t,
           CASE WHEN lag(t) OVER (ORDER BY t) IS NULL THEN 0.0
                ELSE lag(pos) OVER (ORDER BY t) * (close / lag(close) OVER (ORDER BY t) - 1) END AS r
    FROM window_bars ORDER BY t`);
  for (const { r } of returns) {
    equity *= 1 + Number(r);
    peak = Math.max(peak, equity);
    maxDrawdown = Math.max(maxDrawdown, 1 - equity / peak);
  }
}

process.stdout.write(`${JSON.stringify({ folds: folds.map((f) => f.window), total_return: equity - 1, max_drawdown: maxDrawdown })}\n`);

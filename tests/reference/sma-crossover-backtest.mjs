// The SMA crossover backtest in fill mode `close`, computed in DuckDB SQL alone, as an
// independent reference for the engine's simulator (tests/QuantCluster.Interop.Tests/Backtest).
// It follows ARCHITECTURE.md ("Backtest semantics", "Exact form for fill mode close", "Metrics")
// and shares no code with the engine.
//
// usage: node sma-crossover-backtest.mjs <bars.csv> <fast> <slow> <commission_bps> <long_only|long_short> [periods_per_year=252]
// prints: {"bars":N,"total_return":...,"max_drawdown":...,"sharpe":...,"fills":...}
//
// The CSV needs a header; its first column is the bar time and a column named close (or c, any
// case) the close. Rows are ordered by the time column.
//
// The moving averages are taken over the closes as the file writes them, as DECIMAL(38, 6): the
// sums are exact, so two averages that are equal for the quoted prices compare equal (flat).
// AVG over DOUBLE sums in binary floating point and can land an ulp off, turning such a tie into
// a crossover that the prices do not have. Returns use the closes as DOUBLE, as the engine does.
import { DuckDBInstance } from '@duckdb/node-api';

function fail(message) {
  process.stderr.write(`sma-crossover-backtest: ${message}\n`);
  process.exit(2);
}

function integerArgument(text, name, min) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    fail(`${name} must be an integer >= ${min}; got '${text}'`);
  }
  return value;
}

function numberArgument(text, name) {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value < 0) {
    fail(`${name} must be a non-negative number; got '${text}'`);
  }
  return value;
}

const [csvPath, fastText, slowText, bpsText, direction, ppyText = '252'] = process.argv.slice(2);
if (!csvPath || direction === undefined) {
  fail('usage: node sma-crossover-backtest.mjs <bars.csv> <fast> <slow> <commission_bps> <long_only|long_short> [periods_per_year=252]');
}
const fast = integerArgument(fastText, 'fast', 1);
const slow = integerArgument(slowText, 'slow', 1);
const commissionBps = numberArgument(bpsText, 'commission_bps');
const periodsPerYear = numberArgument(ppyText, 'periods_per_year');
if (direction !== 'long_only' && direction !== 'long_short') {
  fail(`direction must be long_only or long_short; got '${direction}'`);
}

const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const identifier = (name) => `"${name.replaceAll('"', '""')}"`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();

const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${literal(csvPath)}, header = true)`))
  .getRowObjectsJson()
  .map((row) => row.column_name);
const timeColumn = columns[0];
const closeColumn = columns.find((name) => ['close', 'c'].includes(name.toLowerCase()));
if (!closeColumn) {
  fail(`${csvPath} has no close column; columns: ${columns.join(', ')}`);
}

// t = 0..N-1 in time order; the close read from its text both as DOUBLE and exactly.
await connection.run(`
  CREATE TEMP TABLE bars AS
  SELECT row_number() OVER (ORDER BY ${identifier(timeColumn)}) - 1 AS t,
         CAST(${identifier(closeColumn)} AS DOUBLE) AS close,
         CAST(${identifier(closeColumn)} AS DECIMAL(38, 6)) AS quoted_close
  FROM read_csv(${literal(csvPath)}, header = true, types = {${literal(closeColumn)}: 'VARCHAR'})
`);
const [inexact] = (await connection.runAndReadAll(
  'SELECT t FROM bars WHERE CAST(quoted_close AS DOUBLE) <> close ORDER BY t LIMIT 1',
)).getRowObjects();
if (inexact) {
  fail(`the close of bar ${inexact.t} has more than 6 decimal places, so its averages cannot be exact`);
}

// pos_t as ARCHITECTURE.md defines it, warm-up bars (an average over fewer bars than its period)
// flat, and r_t of the exact form for fill mode close.
await connection.run(`
  CREATE TEMP TABLE returns AS
  WITH averages AS (
    SELECT t, close,
           CASE WHEN t + 1 >= ${fast}
                THEN avg(quoted_close) OVER (ORDER BY t ROWS BETWEEN ${fast - 1} PRECEDING AND CURRENT ROW) END AS sma_fast,
           CASE WHEN t + 1 >= ${slow}
                THEN avg(quoted_close) OVER (ORDER BY t ROWS BETWEEN ${slow - 1} PRECEDING AND CURRENT ROW) END AS sma_slow
    FROM bars
  ),
  positions AS (
    SELECT t, close,
           CASE WHEN sma_fast > sma_slow THEN 1
                WHEN ${direction === 'long_short'} AND sma_fast < sma_slow THEN -1
                ELSE 0 END AS pos
    FROM averages
  ),
  steps AS (
    SELECT t, close, pos,
           coalesce(lag(pos) OVER (ORDER BY t), 0) AS previous_pos,
           lag(close) OVER (ORDER BY t) AS previous_close
    FROM positions
  )
  SELECT t, pos, previous_pos,
         CASE WHEN t = 0 THEN 0.0 ELSE previous_pos * (close / previous_close - 1) END
           - (CAST(${commissionBps} AS DOUBLE) / 10000) * abs(pos - previous_pos) AS r
  FROM steps
`);

// equity_t = prod_{u<=t} (1 + r_u), multiplied in order (a sum of logarithms is not exact enough).
const [metrics] = (await connection.runAndReadAll(`
  WITH RECURSIVE equity(t, equity) AS (
    SELECT t, 1.0::DOUBLE + r FROM returns WHERE t = 0
    UNION ALL
    SELECT returns.t, equity.equity * (1.0::DOUBLE + returns.r)
    FROM equity JOIN returns ON returns.t = equity.t + 1
  ),
  drawdowns AS (
    SELECT t, equity,
           1 - equity / greatest(1.0::DOUBLE, max(equity) OVER (ORDER BY t ROWS UNBOUNDED PRECEDING)) AS drawdown
    FROM equity
  )
  SELECT (SELECT count(*) FROM returns) AS bars,
         (SELECT arg_max(equity, t) FROM equity) - 1 AS total_return,
         (SELECT max(drawdown) FROM drawdowns) AS max_drawdown,
         (SELECT avg(r) / stddev_samp(r) * sqrt(CAST(${periodsPerYear} AS DOUBLE)) FROM returns WHERE t >= 1) AS sharpe,
         (SELECT count(*) FROM returns WHERE pos <> previous_pos) AS fills
`)).getRowObjects();

process.stdout.write(`${JSON.stringify({
  bars: Number(metrics.bars),
  total_return: metrics.total_return,
  max_drawdown: metrics.max_drawdown,
  sharpe: metrics.sharpe,
  fills: Number(metrics.fills),
})}\n`);

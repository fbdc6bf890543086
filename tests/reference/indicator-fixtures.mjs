// Indicator fixtures for QuantCluster.Engine.Tests, from references independent of the engine.
//
// Regenerate (the output is committed, so CI never runs this):
//   npm ci --prefix tests/reference        (or `npm install --prefix tests/reference`)
//   node tests/reference/indicator-fixtures.mjs
// It reads GOOG.csv and EURUSD.csv from shared/data/market (found by walking up from this
// folder, or QC_MARKET_DATA=/path/to/market) and rewrites
// tests/QuantCluster.Engine.Tests/Indicators/Fixtures/*.json. The output is deterministic:
// regenerating with the same inputs and package versions changes nothing.
//
// Sources:
// - technicalindicators 3.1.0 for SMA, EMA, WMA, RSI, ATR, BollingerBands, MACD (EMA oscillator
//   and EMA signal) and SD (rolling population standard deviation). Its `precision` setting is
//   left unset, so values are unrounded, except RSI, which the library always rounds with
//   toFixed(2) (compare within 0.005).
// - DuckDB SQL window functions (MAX/MIN, AVG, STDDEV_POP over ROWS p-1 PRECEDING) for the
//   Donchian channel and the z-score, which technicalindicators lacks; a plain JS loop over the
//   same windows checks the SQL before anything is written.
//
// Alignment: every output array holds only the defined values (warm-up dropped, as
// technicalindicators does), so values[k] belongs to bar `bars - values.length + k`.

import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import ti from 'technicalindicators';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const outputDir = join(repo, 'tests', 'QuantCluster.Engine.Tests', 'Indicators', 'Fixtures');
const tiVersion = createRequire(import.meta.url)('technicalindicators/package.json').version;

function findMarketData() {
  if (process.env.QC_MARKET_DATA) {
    return process.env.QC_MARKET_DATA;
  }
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', 'market');
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No shared/data/market above ${here}; set QC_MARKET_DATA.`);
    }
  }
}

const market = findMarketData();

/** The CSVs as found: header `,Open,High,Low,Close,Volume`, first column the timestamp. */
function readBars(symbol) {
  const path = join(market, `${symbol}.csv`);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const column = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: no ${name} column`);
    return i;
  };
  const [o, h, l, c] = ['Open', 'High', 'Low', 'Close'].map(column);
  const bars = { symbol, path, open: [], high: [], low: [], close: [] };
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    bars.open.push(Number(f[o]));
    bars.high.push(Number(f[h]));
    bars.low.push(Number(f[l]));
    bars.close.push(Number(f[c]));
  }
  for (const key of ['open', 'high', 'low', 'close']) {
    if (bars[key].some((v) => !Number.isFinite(v))) throw new Error(`${path}: non-numeric ${key}`);
  }
  return bars;
}

const symbols = ['GOOG', 'EURUSD'].map(readBars);

/** Defined values only; the library must only leave values undefined at the start. */
function defined(values, what) {
  const first = values.findIndex((v) => v !== undefined && v !== null);
  const rest = first < 0 ? [] : values.slice(first);
  if (rest.some((v) => v === undefined || v === null || !Number.isFinite(v))) {
    throw new Error(`${what}: undefined or non-finite value after the warm-up`);
  }
  return rest;
}

function fixture(name, reference, cases) {
  mkdirSync(outputDir, { recursive: true });
  const doc = {
    indicator: name,
    reference,
    generator: 'tests/reference/indicator-fixtures.mjs',
    alignment: 'warm-up dropped: outputs[x][k] belongs to bar bars - outputs[x].length + k',
    cases,
  };
  const path = join(outputDir, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc) + '\n');
  const count = cases.reduce((s, c) => s + Object.values(c.outputs).reduce((t, a) => t + a.length, 0), 0);
  console.log(`${path}: ${cases.length} cases, ${count} values`);
}

const periods = [5, 14, 20, 50];
const lib = `technicalindicators ${tiVersion}`;

function single(name, label, compute, ps = periods) {
  const cases = [];
  for (const bars of symbols) {
    for (const period of ps) {
      const values = defined(compute(bars, period), `${name} ${bars.symbol} ${period}`);
      cases.push({ symbol: bars.symbol, bars: bars.close.length, parameters: { period }, outputs: { value: values } });
    }
  }
  fixture(name, `${lib} ${label}, precision unset`, cases);
}

single('sma', 'SMA.calculate', (b, period) => ti.SMA.calculate({ period, values: b.close }));
single('ema', 'EMA.calculate', (b, period) => ti.EMA.calculate({ period, values: b.close }));
single('wma', 'WMA.calculate', (b, period) => ti.WMA.calculate({ period, values: b.close }));
single('stddev', 'SD.calculate (population)', (b, period) => ti.SD.calculate({ period, values: b.close }));
single('atr', 'ATR.calculate (Wilder)', (b, period) => ti.ATR.calculate({ period, high: b.high, low: b.low, close: b.close }));
single('rsi', 'RSI.calculate (Wilder; the library rounds RSI with toFixed(2))', (b, period) =>
  ti.RSI.calculate({ period, values: b.close }), [5, 14, 20]);

{
  const cases = [];
  for (const bars of symbols) {
    for (const [period, stdDev] of [[20, 2], [50, 2.5]]) {
      const out = ti.BollingerBands.calculate({ period, stdDev, values: bars.close });
      const what = `bollinger ${bars.symbol} ${period}`;
      cases.push({
        symbol: bars.symbol,
        bars: bars.close.length,
        parameters: { period, width: stdDev },
        outputs: {
          middle: defined(out.map((x) => x.middle), what),
          upper: defined(out.map((x) => x.upper), what),
          lower: defined(out.map((x) => x.lower), what),
        },
      });
    }
  }
  fixture('bollinger', `${lib} BollingerBands.calculate (SMA middle, population SD), precision unset`, cases);
}

{
  const cases = [];
  for (const bars of symbols) {
    for (const [fast, slow, signal] of [[12, 26, 9], [3, 10, 16]]) {
      const out = ti.MACD.calculate({
        values: bars.close,
        fastPeriod: fast,
        slowPeriod: slow,
        signalPeriod: signal,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      });
      const what = `macd ${bars.symbol} ${fast}/${slow}/${signal}`;
      cases.push({
        symbol: bars.symbol,
        bars: bars.close.length,
        parameters: { fast, slow, signal },
        outputs: {
          line: defined(out.map((x) => x.MACD), what),
          signal: defined(out.map((x) => x.signal), what),
          histogram: defined(out.map((x) => x.histogram), what),
        },
      });
    }
  }
  fixture('macd', `${lib} MACD.calculate with SimpleMAOscillator=false, SimpleMASignal=false, precision unset`, cases);
}

// Donchian channel and z-score: DuckDB window functions, checked against a plain JS loop.
const duck = await (await DuckDBInstance.create(':memory:')).connect();

async function windows(bars, period) {
  const sql = `
    WITH bars AS (
      SELECT column0 AS ts, High AS high, Low AS low, Close AS close
      FROM read_csv('${bars.path.replaceAll("'", "''")}', header = true)
    ), w AS (
      SELECT ts, close,
             count(*) OVER win AS n,
             max(high) OVER win AS upper,
             min(low) OVER win AS lower,
             avg(close) OVER win AS mean,
             stddev_pop(close) OVER win AS sd
      FROM bars
      WINDOW win AS (ORDER BY ts ROWS BETWEEN ${period - 1} PRECEDING AND CURRENT ROW)
    )
    SELECT CASE WHEN n < ${period} THEN NULL ELSE upper END AS upper,
           CASE WHEN n < ${period} THEN NULL ELSE lower END AS lower,
           CASE WHEN n < ${period} THEN NULL WHEN sd = 0 THEN 0 ELSE (close - mean) / sd END AS z
    FROM w ORDER BY ts`;
  const rows = (await duck.runAndReadAll(sql)).getRowObjectsJS();
  if (rows.length !== bars.close.length) throw new Error(`${bars.symbol}: DuckDB read ${rows.length} rows`);
  return rows;
}

function plainWindows(bars, period, i) {
  const lo = i - period + 1;
  let upper = -Infinity, lower = Infinity, sum = 0;
  for (let k = lo; k <= i; k++) {
    upper = Math.max(upper, bars.high[k]);
    lower = Math.min(lower, bars.low[k]);
    sum += bars.close[k];
  }
  const mean = sum / period;
  let squares = 0;
  for (let k = lo; k <= i; k++) squares += (bars.close[k] - mean) ** 2;
  const sd = Math.sqrt(squares / period);
  return { upper, lower, sd, z: (bars.close[i] - mean) / sd };
}

{
  const donchian = [], zscore = [];
  for (const bars of symbols) {
    for (const period of [5, 20, 50]) {
      const rows = await windows(bars, period);
      for (let i = period - 1; i < rows.length; i++) {
        const js = plainWindows(bars, period, i), sql = rows[i];
        const flat = js.sd <= 1e-12 * Math.abs(bars.close[i]);
        const zOk = flat ? sql.z === 0 : Math.abs(js.z - sql.z) <= 1e-9 * Math.max(1, Math.abs(js.z));
        if (js.upper !== sql.upper || js.lower !== sql.lower || !zOk) {
          throw new Error(`${bars.symbol} period ${period} bar ${i}: DuckDB ${JSON.stringify(sql)} vs JS ${JSON.stringify(js)}`);
        }
      }
      const what = `${bars.symbol} ${period}`;
      donchian.push({
        symbol: bars.symbol,
        bars: bars.close.length,
        parameters: { period },
        outputs: { upper: defined(rows.map((r) => r.upper), what), lower: defined(rows.map((r) => r.lower), what) },
      });
      zscore.push({
        symbol: bars.symbol,
        bars: bars.close.length,
        parameters: { period },
        outputs: { value: defined(rows.map((r) => r.z), what) },
      });
    }
  }
  const version = (await duck.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
  fixture('donchian', `DuckDB ${version} SQL: MAX(high), MIN(low) OVER (ROWS period-1 PRECEDING), checked against a JS loop`, donchian);
  fixture('zscore', `DuckDB ${version} SQL: (close - AVG) / STDDEV_POP OVER (ROWS period-1 PRECEDING), 0 where STDDEV_POP = 0, checked against a JS two-pass loop`, zscore);
}

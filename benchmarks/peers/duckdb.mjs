// DuckDB side of the peer comparison: loads the dataset's CSV files into in-memory tables (not
// timed), then runs rollup.sql several times and prints one JSON object on stdout with every
// repetition's time and the last repetition's results.
// Usage: node duckdb.mjs <data-dir> <repetitions>
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, version } from '@duckdb/node-api';

const [dataDir, repsText] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: node duckdb.mjs <data-dir> [repetitions]');
  process.exit(2);
}
const repetitions = Number(repsText ?? 5);
const here = dirname(fileURLToPath(import.meta.url));
const statements = readFileSync(join(here, 'rollup.sql'), 'utf8')
  .split(/^;\s*$/m)
  .map((s) => s.split('\n').filter((l) => !l.trimStart().startsWith('--')).join('\n').trim())
  .filter((s) => s.length > 0);
const manifest = JSON.parse(readFileSync(join(dataDir, 'dataset.json'), 'utf8'));

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowsJS()[0][0];

const csv = (file, columns) =>
  `read_csv('${join(dataDir, file).replaceAll("'", "''")}', header = true, columns = ${columns})`;
const loadStart = performance.now();
await connection.run(`CREATE TABLE assessments AS SELECT * FROM ${csv('assessments.csv', "{'rec': 'INTEGER', 'asset': 'INTEGER', 'status': 'TINYINT'}")}`);
await connection.run(`CREATE TABLE metric_recs AS SELECT * FROM ${csv('metric_recs.csv', "{'metric': 'INTEGER', 'rec': 'INTEGER'}")}`);
await connection.run(`CREATE TABLE metrics AS SELECT * FROM ${csv('metrics.csv', "{'metric': 'INTEGER', 'weight': 'INTEGER'}")}`);
await connection.run(`CREATE TABLE initiative_metrics AS SELECT * FROM ${csv('initiative_metrics.csv', "{'initiative': 'INTEGER', 'metric': 'INTEGER'}")}`);
const loadMs = performance.now() - loadStart;
const rows = Number((await connection.runAndReadAll('SELECT COUNT(*) FROM assessments')).getRowsJS()[0][0]);
if (rows !== manifest.assessments) {
  console.error(`DuckDB loaded ${rows} assessments, the manifest says ${manifest.assessments}`);
  process.exit(1);
}

// One untimed warm-up repetition (as for the C# engines), then the timed ones.
const timesMs = [];
let initiativeRows = [];
let metricRows = [];
for (let rep = -1; rep < repetitions; rep++) {
  const start = performance.now();
  const results = [];
  for (const sql of statements) {
    results.push((await connection.runAndReadAll(sql)).getRowsJS());
  }
  if (rep >= 0) {
    timesMs.push(performance.now() - start);
    console.error(`DuckDB repetition ${rep + 1}: ${(performance.now() - start).toFixed(0)} ms`);
  }
  initiativeRows = results[1];
  metricRows = results[2];
}

const scope = new Array(manifest.metrics).fill(0);
const affected = new Array(manifest.metrics).fill(0);
const metricScores = new Array(manifest.metrics).fill(null);
for (const [metric, s, a, score] of metricRows) {
  scope[metric] = Number(s);
  affected[metric] = Number(a);
  metricScores[metric] = Number(score);
}
const initiativeScores = new Array(manifest.initiatives).fill(null);
for (const [initiative, score] of initiativeRows) {
  initiativeScores[initiative] = Number(score);
}
process.stdout.write(JSON.stringify({
  engine: 'DuckDB',
  version: version(),
  threads: String(threads),
  loadMs,
  timesMs,
  scope,
  affected,
  metricScores,
  initiativeScores,
}) + '\n');

// The benchmark's printed table: figures with the goals of issue #7 beside them, then the machine.
import type { BenchReport, ExtractionFigures, ScaleReport } from './run.ts';
import type { IngestFigures } from './ingest.ts';
import { formatBulk } from './bulk.ts';

const f0 = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');

function line(label: string, value: string, goal = ''): string {
  return `  ${label.padEnd(44)} ${value.padStart(14)}  ${goal}`;
}

function formatExtraction(e: ExtractionFigures): string[] {
  const out: string[] = [];
  out.push(`EXTRACTION  (${e.corpus.documents} documents, ${f0(e.corpus.textKb)} KB of text, ${e.passes} passes; ${e.corpus.entitiesPerPass} entities, ${e.corpus.relationshipsPerPass} relationships per pass)`);
  const pinned = e.oneCore.pinnedCpu === null ? 'one unpinned process: no taskset' : `pinned to CPU ${e.oneCore.pinnedCpu}`;
  out.push(line('documents/s, one core', f1(e.docsPerSec)));
  out.push(line(`KB/s per core (${pinned})`, f1(e.kbPerSecPerCore), 'goal ≥ 400'));
  out.push(line('compromise bare parse, KB/s (same core)', f1(e.compromiseKbPerSec)));
  out.push(line('ratio vs compromise parse', `${f2(e.ratioVsCompromiseParse)}×`, 'goal ≥ 2×'));
  out.push(line(`KB/s, one unpinned process (${f2(e.singleProcess.coresUsed)} cores busy)`, f1(e.singleProcess.kbPerSec)));
  out.push(line(`KB/s with ${e.multiCore.workers} worker threads`, f1(e.multiCore.kbPerSec)));
  out.push(line('documents/s, all cores', f1(e.multiCore.docsPerSec)));
  out.push(line('multi-core speedup (over one core)', `${f2(e.multiCoreSpeedup)}×`, `goal ≥ 1.8× with 2 cores`));
  out.push('');
  return out;
}

function formatIngest(i: IngestFigures): string[] {
  const out: string[] = [];
  if (i.status === 'skipped') out.push(`INGEST  skipped: ${i.reason ?? ''}`);
  else {
    out.push(`INGEST  (${i.documents} documents in ${f2(i.seconds)} s, ${i.transactions ?? '?'} transactions of several documents, one UNWIND statement per kind of row; second pass)`);
    out.push(line('nodes/s', f0(i.nodesPerSec)));
    out.push(line('relationships/s', f0(i.relationshipsPerSec), 'goal ≥ 20000'));
    if (i.relationshipRowsPerSec !== undefined) out.push(line('fact rows/s (a fact of a document)', f0(i.relationshipRowsPerSec)));
    if (i.firstPass) out.push(line('relationships/s, first pass (server as found)', f0(i.firstPass.relationshipsPerSec)));
    if (i.baseline) out.push(line(`one row per transaction (${i.baseline.rows} rows), rel/s`, f0(i.baseline.relationshipsPerSec)));
    out.push(line('ratio vs row at a time', i.ratioVsRowAtATime === null ? '—' : `${f1(i.ratioVsRowAtATime)}×`, 'goal ≥ 50×'));
  }
  out.push('');
  return out;
}

function formatScale(s: ScaleReport): string[] {
  const out: string[] = [];
  out.push(`SCALE  (base: ${s.base.documents} documents, ${f0(s.base.textKb)} KB; names varied per copy; streamed; fresh process per size)`);
  out.push(`  ${'size'.padEnd(6)} ${'docs'.padStart(7)} ${'MB text'.padStart(8)} ${'total s'.padStart(9)} ${'ms/doc'.padStart(8)} ${'KB/s'.padStart(8)} ${'RSS before MB'.padStart(14)} ${'peak RSS MB'.padStart(12)}`);
  for (const z of s.sizes) {
    const kbs = z.totalMs === 0 ? 0 : z.textKb / (z.totalMs / 1000);
    out.push(
      `  ${`${z.factor}×`.padEnd(6)} ${String(z.docs).padStart(7)} ${f2(z.textKb / 1024).padStart(8)} ${f2(z.totalMs / 1000).padStart(9)} ${f2(z.msPerDoc).padStart(8)} ${f0(kbs).padStart(8)} ${f0(z.rssBeforeMb).padStart(14)} ${f0(z.peakRssMb).padStart(12)}`,
    );
  }
  out.push(line('slope of log(time) on log(size)', f2(s.slope), 'goal ≤ 1.1'));
  out.push('');
  return out;
}

export function formatBench(r: BenchReport): string {
  const out: string[] = [];
  if (r.extraction) out.push(...formatExtraction(r.extraction));
  if (r.ingest) out.push(...formatIngest(r.ingest));
  if (r.scale) out.push(...formatScale(r.scale));
  if (r.bulk) out.push(...formatBulk(r.bulk, line), '');
  const m = r.machine;
  const busy = m.loadAverage > m.cores ? ' — busy: other processes shared the CPUs, figures are low' : '';
  out.push(`MACHINE  ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; load average ${m.loadAverage} at start${busy}`);
  out.push(
    `  node ${m.node}; ${Object.entries(m.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; revision ${m.revision}; ${m.date}`,
  );
  const st = r.settings;
  out.push(
    `  settings: ${st.quick ? 'quick' : 'full'}, sections ${st.sections.join('/')}, ≥ ${st.minMs} ms per throughput figure, ${st.workers} workers, scale ${st.scaleFactors.join('/')}×, ingest ${st.ingestFactor}×, bulk ${st.bulkFactor}×, baseline ${st.baselineRows} rows${st.extractionMaxKb === undefined ? '' : `, samples ≤ ${st.extractionMaxKb} KB (extraction) / ${st.scaleBaseMaxKb ?? '∞'} KB (scale base)`}`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * `npm run bench -- classify [--size 100000] [--runs 3]`: the value-level classifier's speed.
 *
 * 1. Cold start: the first classification in a process loads the tagger and the weights.
 * 2. Throughput on distinct statements (the corpus, a fresh classifier per run so nothing is
 *    cached): statements per second.
 * 3. On the user's path: building the snapshot of the benchmark org (100k people, ~320k
 *    responsibilities) with the classifier, against the same build with a classifier that
 *    answers a fixed level (the baseline), in the same process. The difference is what
 *    classification adds to an import; the target is at most 1.5 s.
 */
import { type Classification, createClassifier, type ResponsibilityClassifier, snapshotFromRecords } from '@rolemap/analysis';
import { generateSyntheticOrg } from '@rolemap/demo-data';
import { readCorpus } from '../libs/analysis/src/classify/corpus/read-corpus';
import { machineLine, median } from './support/bench-database';

const size = Number(argValue('--size') ?? 100_000);
const runs = Number(argValue('--runs') ?? 3);

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function main(): void {
  console.log(`rolemap classify benchmark — ${machineLine()}\n`);

  const coldStart = performance.now();
  createClassifier().classify('Coordinate the weekly delivery schedule with the warehouse team');
  const coldMs = performance.now() - coldStart;

  const texts = readCorpus().map((statement) => statement.text);
  const throughput: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const classifier = createClassifier();
    const start = performance.now();
    classifier.classifyBatch(texts);
    const seconds = (performance.now() - start) / 1000;
    // The first pass warms the JIT; it is reported but not in the median.
    if (run > 0) throughput.push(texts.length / seconds);
    console.log(
      `distinct statements, run ${run}${run === 0 ? ' (warm-up)' : ''}: ${(texts.length / seconds).toFixed(0)} statements/s`,
    );
  }

  const org = generateSyntheticOrg({ size, seed: 7 });
  const toClassify = org.responsibilities.filter((record) => record.valueLevel === null);
  const distinct = new Set(toClassify.map((record) => record.responsibility)).size;
  console.log(
    `\n${size} people, ${org.responsibilities.length} responsibilities, ${toClassify.length} without a level (${distinct} distinct texts)`,
  );
  // Also with every level left to the classifier, as for a file that gives none.
  const unlevelled = org.responsibilities.map((record) => ({ ...record, valueLevel: null }));
  const distinctAll = new Set(unlevelled.map((record) => record.responsibility)).size;
  const build = (classifier: ResponsibilityClassifier, responsibilities = org.responsibilities) => {
    global.gc?.();
    const start = performance.now();
    snapshotFromRecords(org.people, responsibilities, {
      organizationId: 'bench',
      snapshotId: 'bench',
      asOf: '2026-11-01',
      classifier,
    });
    return performance.now() - start;
  };
  const baselineMs: number[] = [];
  const classifiedMs: number[] = [];
  const allBaselineMs: number[] = [];
  const allClassifiedMs: number[] = [];
  for (let run = 1; run <= runs; run++) {
    baselineMs.push(build(fixedLevelClassifier()));
    classifiedMs.push(build(createClassifier()));
    allBaselineMs.push(build(fixedLevelClassifier(), unlevelled));
    allClassifiedMs.push(build(createClassifier(), unlevelled));
    console.log(
      `run ${run}: build with a fixed level ${baselineMs[run - 1].toFixed(0)} ms | with the classifier ${classifiedMs[run - 1].toFixed(0)} ms | ` +
        `every level classified: ${allBaselineMs[run - 1].toFixed(0)} ms vs ${allClassifiedMs[run - 1].toFixed(0)} ms`,
    );
  }
  const added = median(classifiedMs) - median(baselineMs);
  const addedAll = median(allClassifiedMs) - median(allBaselineMs);

  console.log('\n| measure | median of ' + runs + ' runs |');
  console.log('| --- | --- |');
  console.log(`| cold start (load tagger and weights, first statement) | ${coldMs.toFixed(0)} ms |`);
  console.log(
    `| distinct statements classified per second (${texts.length} corpus texts, no cache) | ${median(throughput).toFixed(0)} |`,
  );
  console.log(`| snapshot build, fixed level (baseline) | ${median(baselineMs).toFixed(0)} ms |`);
  console.log(`| snapshot build, classifier | ${median(classifiedMs).toFixed(0)} ms |`);
  console.log(
    `| added by classification (${toClassify.length} statements, ${distinct} distinct), plus the cold start | ${(added + coldMs).toFixed(0)} ms (target ≤ 1500 ms) |`,
  );
  console.log(
    `| added with every level classified (${unlevelled.length} statements, ${distinctAll} distinct), plus the cold start | ${(addedAll + coldMs).toFixed(0)} ms |`,
  );
}

/** The baseline: what the build costs with no reading of the text at all. */
function fixedLevelClassifier(): ResponsibilityClassifier {
  const fixed: Classification = createClassifier({ confirmed: new Map([['x', 'IMPLEMENTATION']]) }).classify('x');
  return { classify: () => fixed, classifyBatch: (texts) => texts.map(() => fixed) };
}

main();

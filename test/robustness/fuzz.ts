// `npm run fuzz -- --seconds N`: runs the invariants of fuzz-core.ts on random
// inputs for N seconds, saves every failing input (shrunk) to test/fuzz-corpus/
// and prints how many inputs per second it tried.

import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { anyText, checkInput, mutatedModel } from "./fuzz-core";

const arg = process.argv.indexOf("--seconds");
const seconds = arg >= 0 ? Number(process.argv[arg + 1]) : 60;
const corpus = join(process.cwd(), "test", "fuzz-corpus");
const deadline = Date.now() + seconds * 1000;
let tried = 0;
let failures = 0;
const seed = Date.now() & 0x7fffffff;
console.log(`fuzzing for ${seconds} s (seed ${seed})`);
while (Date.now() < deadline) {
  const result = fc.check(
    fc.property(fc.oneof(mutatedModel(), anyText()), (text) => {
      tried++;
      checkInput(text);
    }),
    { numRuns: 200, seed: seed + tried, endOnFailure: false },
  );
  if (result.failed && result.counterexample) {
    failures++;
    const text = result.counterexample[0] as string;
    mkdirSync(corpus, { recursive: true });
    const file = join(corpus, `failure-${seed}-${failures}.arch`);
    writeFileSync(file, text);
    console.error(`FAILED: ${String(result.errorInstance)}\n  saved to ${file}`);
  }
}
const rate = tried / seconds;
console.log(`${tried} inputs in ${seconds} s: ${rate.toFixed(0)} inputs/s; ${failures} failure${failures === 1 ? "" : "s"}`);
process.exitCode = failures ? 1 : 0;

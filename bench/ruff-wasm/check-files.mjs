// Runs ruff's WebAssembly build (Workspace.check) over the files listed, one per line, in the
// file named by the first argument; single-threaded. The files are read once; then ROUNDS
// rounds check every file and the best round after the first (warm-up) one is reported.
//
// usage: node check-files.mjs FILE_LIST [ROUNDS] [SELECT]
// SELECT is a comma-separated ruff rule selection (default: ruff's own default, E4,E7,E9,F).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require("@astral-sh/ruff-wasm-nodejs");

const [listPath, roundsText = "3", selectText = "E4,E7,E9,F"] = process.argv.slice(2);
const paths = readFileSync(listPath, "utf8").split("\n").filter((line) => line.length > 0);
const sources = [];
for (const path of paths) {
  try {
    sources.push(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`${path}: ${error.message}`);
  }
}

const workspace = new Workspace({ lint: { select: selectText.split(",") } }, PositionEncoding.Utf8);
const rounds = Math.max(2, Number(roundsText));
let best = null;
for (let round = 0; round < rounds; ++round) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let diagnostics = 0;
  let failures = 0;
  for (const source of sources) {
    try {
      diagnostics += workspace.check(source).length;
    } catch {
      ++failures;
    }
  }
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const result = { round, wall, cpu: (cpu.user + cpu.system) / 1e6, diagnostics, failures };
  if (round > 0 && (best === null || wall < best.wall)) best = result;
}
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    ruff: Workspace.version(),
    files: sources.length,
    select: selectText,
    warm_wall_s: Number(best.wall.toFixed(3)),
    warm_cpu_s: Number(best.cpu.toFixed(3)),
    diagnostics: best.diagnostics,
    failures: best.failures,
    peak_rss_mb: Math.round(rssMb),
  }),
);

/**
 * Timed reads in a fresh process: `node read-once.mjs <reader.js | papaparse> <file> [reads=1]`.
 * Prints the seconds from reading the file's bytes to the finished matrix (decode included)
 * of the last read: the first read is a cold start, later ones run JIT-compiled code.
 */
import { readFileSync } from "node:fs";

const [which, file, reads = "1"] = process.argv.slice(2);

/** papaparse as the tokenizer, then Number() per cell: what a library-based reader would at least cost. */
async function papaparseReader() {
  const Papa = (await import("papaparse")).default;
  return (bytes) => {
    const text = new TextDecoder().decode(bytes);
    const { data } = Papa.parse(text, { delimiter: "\t", skipEmptyLines: true });
    const ncol = data[0].length - 1;
    const values = new Float64Array((data.length - 1) * ncol);
    for (let i = 1; i < data.length; i++)
      for (let j = 0; j < ncol; j++) values[(i - 1) * ncol + j] = Number(data[i][j + 1]);
    return values;
  };
}

const read = which === "papaparse" ? await papaparseReader() : (await import(which)).readMatrix;
let seconds = 0;
for (let k = 0; k < Number(reads); k++) {
  const t0 = performance.now();
  const m = read(readFileSync(file));
  seconds = (performance.now() - t0) / 1000;
  if (!m) throw new Error("nothing read");
}
console.log(seconds.toFixed(4));

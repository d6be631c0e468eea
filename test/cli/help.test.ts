import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPTION_SPECS } from "../../src/options.js";
import { clusterheat, ROOT } from "./run-cli.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/** The long flag documented for an option (its kebab-case name). */
function documentedFlag(name: string): string {
  return name === "log2" ? "--log2" : `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The options of these stages. */
function specsOf(...groups: string[]) {
  return OPTION_SPECS.filter((s) => groups.includes(s.group));
}

describe("clusterheat --help", () => {
  it("clusterheat --help lists the commands and the exit statuses", () => {
    const run = clusterheat(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: clusterheat <command> \[options\]/);
    expect(run.stdout).toMatch(/^\s+prep\b/m);
    expect(run.stdout).toMatch(/^\s+cluster\b/m);
    expect(run.stdout).toContain("Exit status");
    expect(run.stderr).toBe("");
  });

  it("clusterheat --version prints the version of package.json", () => {
    const run = clusterheat(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it("clusterheat without a command prints the help on stderr and exits 2", () => {
    const run = clusterheat([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: clusterheat");
    expect(run.stdout).toBe("");
  });

  it("clusterheat prep --help lists every prep option with its default and valid values", () => {
    const run = clusterheat(["prep", "--help"]);
    expect(run.status).toBe(0);
    const help = run.stdout.replace(/\s+/g, " ");
    for (const spec of specsOf("read", "prep")) {
      expect(help).toContain(documentedFlag(spec.name));
    }
    expect(help).toContain("--log2 [pseudocount]");
    expect(help).toContain("one of: none, row, column; default: none");
    expect(help).toContain("--duplicate-rows");
    expect(help).toContain("one of: error, first, mean, sum, unique; default: error");
    expect(help).toContain("-o, --output <file>");
    expect(help).not.toContain("--clustering-method");
  });

  it("clusterheat cluster --help lists the prep and cluster options, --no- forms and formats", () => {
    const run = clusterheat(["cluster", "--help"]);
    expect(run.status).toBe(0);
    const help = run.stdout.replace(/\s+/g, " ");
    for (const spec of specsOf("read", "prep", "cluster")) expect(help).toContain(documentedFlag(spec.name));
    for (const spec of specsOf("figure")) expect(help).not.toContain(documentedFlag(spec.name));
    expect(help).toContain("--no-cluster-rows");
    expect(help).toContain("--no-cluster-cols");
    expect(help).toContain(
      "one of: euclidean, maximum, manhattan, canberra, binary, minkowski, correlation, spearman, kendall, cosine; default: euclidean",
    );
    expect(help).toContain(
      "one of: ward.D, ward.D2, single, complete, average, mcquitty, median, centroid; default: complete",
    );
    expect(help).toContain("--format <json|newick|tsv>");
    expect(help).toContain("--axis <rows|cols>");
    expect(help).toContain("--threads <n>");
  });

  it("clusterheat plot --help lists every option of every stage, with pheatmap's name beside it", () => {
    const run = clusterheat(["plot", "--help"]);
    expect(run.status).toBe(0);
    const help = run.stdout.replace(/\s+/g, " ");
    for (const spec of OPTION_SPECS) expect(help).toContain(documentedFlag(spec.name));
    expect(help).toContain("pheatmap: cutree_rows");
    expect(help).toContain("--write-clusters <file>");
    expect(help).toContain("--config <file>");
    expect(help).toContain("--no-show-rownames");
  });
});

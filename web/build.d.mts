/** Types of web/build.mjs. */
export declare const DEFAULT_OUTDIR: string;
export declare function buildWeb(options?: {
  outdir?: string;
  minify?: boolean;
}): Promise<{ outdir: string }>;

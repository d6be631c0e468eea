/** Types of scripts/build-wasm.mjs, for the test that checks the generated file. */
export declare const WAT_PATH: string;
export declare const GENERATED_PATH: string;
export declare function assemble(watText: string): Promise<Uint8Array>;
export declare function generatedSource(bytes: Uint8Array): string;
export declare function buildGeneratedSource(): Promise<string>;
export declare const LINKAGE_WAT_PATH: string;
export declare const LINKAGE_GENERATED_PATH: string;
export declare function buildLinkageSource(): Promise<string>;

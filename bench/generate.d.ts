// Types of bench/generate.js (plain ESM, run without a build) for the tests that import it.

export interface GenerateOptions {
	/** Live pods at every moment (each pod that goes is replaced). */
	pods: number;
	namespaces: number;
	/** Entries after the header, the initial list included. */
	entries: number;
	seed: number;
	/** Entries per second of session time after the initial list. */
	rate: number;
}

export const DEFAULT_OPTIONS: Readonly<GenerateOptions>;
export const RECORDED_AT: string;
export function sessionLines(options?: Partial<GenerateOptions>): Generator<string, void, undefined>;
export function writeSession(file: string, options?: Partial<GenerateOptions>): Promise<number>;

// Types of bench/generate/random.js (plain ESM, run without a build) for the tests that import it.

/** mulberry32: a seeded stream of numbers in [0, 1), the same sequence on every platform. */
export function mulberry32(seed: number): () => number;

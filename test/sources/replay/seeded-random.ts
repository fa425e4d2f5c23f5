// A small seeded PRNG for the tests and the measurement script, so "random" cases repeat run after
// run: the bench generator's mulberry32 (bench/generate/random.js), one implementation for both.

export {mulberry32 as seededRandom} from '../../../bench/generate/random.js';

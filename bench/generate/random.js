// The generator's one source of randomness: a seeded stream, so the same seed gives the same session.
// The tests draw from the same stream (test/sources/replay/seeded-random.ts): one PRNG for both.

/** mulberry32: small, fast, and the same sequence on every platform (32-bit integer maths only). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let z = a;
		z = Math.imul(z ^ (z >>> 15), z | 1);
		z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
		return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
	};
}

export class Random {
	constructor(seed) {
		this.next = mulberry32(seed);
	}
	int(n) {
		return Math.floor(this.next() * n);
	}
	pick(list) {
		return list[this.int(list.length)];
	}
	chance(p) {
		return this.next() < p;
	}
	hex(length) {
		let text = '';
		for (let i = 0; i < length; i++) text += '0123456789abcdef'[this.int(16)];
		return text;
	}
	/** A ReplicaSet's pod-template-hash: 10 characters of the names alphabet (as hex digits mapped onto it). */
	podTemplateHash() {
		return this.hex(10).replace(/[0-9a-f]/g, ch => 'bcdfghjklmnpqrstvwxz'[parseInt(ch, 16)]);
	}
	/** The 5-character suffix of generated names (k8s.io/apiserver names.SimpleNameGenerator alphabet). */
	suffix(length = 5) {
		const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
		let text = '';
		for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)];
		return text;
	}
	uid() {
		return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(4)]}${this.hex(3)}-${this.hex(12)}`;
	}
}

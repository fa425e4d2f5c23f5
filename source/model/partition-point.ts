// The one binary search the code base needs: in a range [0, count) where `isBefore` holds for a
// prefix and not after it, the length of that prefix. Sorted pod lists, session times and a pod's
// change indices all ask it.

/** The first index in [0, count) where `isBefore` is false (count when it never is). */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
	let low = 0;
	let high = count;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (isBefore(middle)) low = middle + 1;
		else high = middle;
	}
	return low;
}

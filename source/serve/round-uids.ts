// `serve --loop` plays the session again and again. A real cluster gives every object it makes a
// uid of its own, and clients tell lives apart by it: podlife's store starts a new life when a
// name comes back under a new uid, and a pod names its ReplicaSet (ownerReferences) and an event
// its pod (involvedObject) by uid. Serving the recorded uids in every round made a watcher see
// the same pod come back (its lane joined across rounds, its old life's ghost). So round 0 serves
// the recorded uids, and round n a uid derived from the recorded one and n: every reference to
// an object in a round carries the same one, each round has its own, and every run of the server
// serves the same (a recording made from it, a test, can be read twice).

import {createHash} from 'node:crypto';

/** The uid that `uid` (as recorded) has in round `round` of a loop. */
export function uidOfRound(uid: string, round: number): string {
	if (round === 0 || uid === '') return uid;
	const hex = createHash('sha1').update(`${uid}/${round}`).digest('hex');
	// Laid out as a name-based UUID (RFC 4122 version 5: the version nibble 5, the variant bits 10).
	const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

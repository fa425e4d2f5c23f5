// A pod's key in the store, the table and every map by pod: "namespace/name".

/** "namespace/name". */
export function podKey(namespace: string, name: string): string {
	return `${namespace}/${name}`;
}

/** The key of an object's metadata (missing parts as empty strings). */
export function podKeyOf(metadata: {namespace?: string; name?: string} | undefined): string {
	return podKey(metadata?.namespace ?? '', metadata?.name ?? '');
}

/** The name part of a key (all of `key` when it has no namespace part). */
export function nameInKey(key: string): string {
	return key.slice(key.indexOf('/') + 1);
}

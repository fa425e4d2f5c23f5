// What a shared recording must not leak (SESSION-FORMAT.md, "Writing"):
// env values of every container kind, the last-applied-configuration
// annotation (it repeats the whole manifest, env values included), and
// managedFields (noise that also names every field's writer).
//
// The walk is structural rather than Pod-only: any `metadata` object and any
// containers / initContainers / ephemeralContainers list is redacted wherever
// it appears, so pod templates (Job, ReplicaSet) and whole watch entries are
// covered as well as bare pods.

export const REDACTED = '<redacted>';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function redactEnv(env: unknown): unknown {
	if (!Array.isArray(env)) return redactValue(env);
	return env.map(variable => {
		if (!isObject(variable)) return redactValue(variable);
		const copy = redactValue(variable) as Record<string, unknown>;
		// Only literal values; valueFrom is a reference (secret name and key), not the secret.
		if ('value' in copy) copy.value = REDACTED;
		return copy;
	});
}

function redactContainers(list: unknown): unknown {
	if (!Array.isArray(list)) return redactValue(list);
	return list.map(container => {
		if (!isObject(container)) return redactValue(container);
		const copy: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(container)) copy[key] = key === 'env' ? redactEnv(value) : redactValue(value);
		return copy;
	});
}

function redactMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(metadata)) {
		if (key === 'managedFields') continue;
		if (key === 'annotations' && isObject(value)) {
			const annotations: Record<string, unknown> = {};
			for (const [name, text] of Object.entries(value)) if (name !== LAST_APPLIED) annotations[name] = text;
			copy[key] = annotations;
			continue;
		}
		copy[key] = redactValue(value);
	}
	return copy;
}

function redactValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redactValue);
	if (!isObject(value)) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		if (key === 'metadata' && isObject(child)) copy[key] = redactMetadata(child);
		else if (CONTAINER_LISTS.has(key)) copy[key] = redactContainers(child);
		else copy[key] = redactValue(child);
	}
	return copy;
}

/** A redacted deep copy of `obj` (an object, a watch entry, anything JSON); the input is left as it was. */
export function redactObject<T>(obj: T): T {
	return redactValue(obj) as T;
}

// A pod's QoS class. The API server stores it in status.qosClass at admission; pods from a
// session always carry it, but a hand-written or old object may not, so it is also computed
// the way pkg/apis/core/helper/qos/qos.go ComputePodQOS does (cpu and memory only).

import type {Container, Pod} from '../kube/objects.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/** status.qosClass when the server set it, else computed from the containers' requests and limits. */
export function podQos(pod: Pod): QosClass {
	const stored = pod.status?.qosClass;
	if (stored === 'Guaranteed' || stored === 'Burstable' || stored === 'BestEffort') return stored;
	return computeQos(pod);
}

/** ComputePodQOS: regular and init containers (ephemeral ones have no resources). */
export function computeQos(pod: Pod): QosClass {
	const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
	const requests = new Set<string>();
	const limits = new Set<string>();
	let guaranteed = true;
	for (const container of containers) {
		const containerRequests = container.resources?.requests ?? {};
		const containerLimits = container.resources?.limits ?? {};
		for (const name of QOS_RESOURCES) {
			if (isNonZero(containerRequests[name])) requests.add(name);
			if (isNonZero(containerLimits[name])) limits.add(name);
		}
		// Guaranteed needs both limits set on every container, and requests (defaulted from limits) equal.
		for (const name of QOS_RESOURCES) {
			const limit = containerLimits[name];
			if (!isNonZero(limit)) guaranteed = false;
			const request = containerRequests[name];
			if (request !== undefined && limit !== undefined && request !== limit) guaranteed = false;
		}
	}
	if (requests.size === 0 && limits.size === 0) return 'BestEffort';
	return guaranteed && limits.size === QOS_RESOURCES.length ? 'Guaranteed' : 'Burstable';
}

function isNonZero(quantity: string | undefined): boolean {
	if (quantity === undefined) return false;
	// "0", "0m", "0Mi", "0.0" are zero; the suffix never makes a zero number non-zero.
	const number = /^[+-]?[\d.]*/.exec(quantity.trim())?.[0] ?? '';
	return /[1-9]/.test(number);
}

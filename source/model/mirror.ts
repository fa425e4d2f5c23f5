// Static pods: the kubelet runs them from a manifest (file or URL) and publishes a read-only
// "mirror" pod to the API server so that they can be seen. pkg/kubelet/types/pod_update.go names the
// annotations: kubernetes.io/config.mirror (ConfigMirrorAnnotationKey, value = the config hash),
// kubernetes.io/config.source (file, http, api) and kubernetes.io/config.hash. Since 1.17 the kubelet
// also sets an ownerReference of kind Node on the mirror pod (kind-boot.ndjson: etcd-kind-control-plane
// is owned by Node kind-control-plane); older mirror pods only carry the node in the name suffix.

import type {Pod} from '../kube/objects.js';
import type {MirrorInfo} from './pod-state.js';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const HASH_ANNOTATION = 'kubernetes.io/config.hash';

/** MirrorInfo for a mirror (static) pod, null for any other pod. */
export function mirrorInfo(pod: Pod): MirrorInfo | null {
	const annotations = pod.metadata?.annotations;
	const mirror = annotations?.[MIRROR_ANNOTATION];
	if (mirror === undefined) return null;
	return {
		node: owningNode(pod),
		source: annotations?.[SOURCE_ANNOTATION] ?? null,
		hash: annotations?.[HASH_ANNOTATION] ?? null,
		mirror,
	};
}

function owningNode(pod: Pod): string | null {
	const owner = pod.metadata.ownerReferences?.find(reference => reference.kind === 'Node');
	if (owner) return owner.name;
	// The kubelet names a static pod "<manifest name>-<node name>" (pod.Name + "-" + nodeName in
	// config/common.go generatePodName), so the suffix is the node when it matches spec.nodeName.
	const nodeName = pod.spec?.nodeName;
	const name = pod.metadata.name ?? '';
	if (nodeName && name.endsWith(`-${nodeName}`)) return nodeName;
	return null;
}

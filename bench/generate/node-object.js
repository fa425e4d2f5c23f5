// A generated node as the API server would serve it (a kind worker's shape, managedFields kept).

import {PODS_PER_NODE, RECORDED_AT_MS, SERVER_VERSION, stamp} from './cluster-facts.js';

const RESOURCES = Object.freeze({
	cpu: '16',
	'ephemeral-storage': '263174212Ki',
	'hugepages-1Gi': '0',
	'hugepages-2Mi': '0',
	memory: '65573248Ki',
	pods: String(PODS_PER_NODE),
});

/** The node object of `node` (a World's node record) as of its last heartbeat. */
export function nodeObject(node) {
	const heartbeat = stamp(node.heartbeatMs);
	const since = stamp(RECORDED_AT_MS - 86_400_000);
	const podCIDR = `10.${64 + Math.floor(node.index / 256)}.${node.index % 256}.0/24`;
	const condition = (type, status, reason, message) => ({type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: since, reason, message});
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {
			name: node.name,
			uid: node.uid,
			resourceVersion: String(node.rv),
			creationTimestamp: since,
			labels: {
				'beta.kubernetes.io/arch': 'amd64',
				'beta.kubernetes.io/os': 'linux',
				'kubernetes.io/arch': 'amd64',
				'kubernetes.io/hostname': node.name,
				'kubernetes.io/os': 'linux',
				'topology.kubernetes.io/zone': `zone-${'abc'[node.index % 3]}`,
			},
			annotations: {
				'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
				'node.alpha.kubernetes.io/ttl': '0',
				'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
			},
			managedFields: [
				{
					manager: 'kubelet',
					operation: 'Update',
					apiVersion: 'v1',
					time: heartbeat,
					fieldsType: 'FieldsV1',
					fieldsV1: {
						'f:status': {
							'f:conditions': {
								'k:{"type":"DiskPressure"}': {'f:lastHeartbeatTime': {}},
								'k:{"type":"MemoryPressure"}': {'f:lastHeartbeatTime': {}},
								'k:{"type":"PIDPressure"}': {'f:lastHeartbeatTime': {}},
								'k:{"type":"Ready"}': {'f:lastHeartbeatTime': {}},
							},
						},
					},
					subresource: 'status',
				},
			],
		},
		spec: {
			podCIDR,
			podCIDRs: [podCIDR],
			providerID: `kind://docker/kind/${node.name}`,
		},
		status: {
			// A kind node reserves nothing: all it has is allocatable.
			capacity: RESOURCES,
			allocatable: RESOURCES,
			conditions: [
				condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
				condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
				condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
				condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
			],
			addresses: [
				{type: 'InternalIP', address: node.ip},
				{type: 'Hostname', address: node.name},
			],
			daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
			nodeInfo: {
				machineID: node.machineID,
				systemUUID: node.bootID,
				bootID: node.bootID,
				kernelVersion: '6.8.0-49-generic',
				osImage: 'Debian GNU/Linux 12 (bookworm)',
				containerRuntimeVersion: 'containerd://1.7.24',
				kubeletVersion: SERVER_VERSION,
				kubeProxyVersion: '',
				operatingSystem: 'linux',
				architecture: 'amd64',
			},
		},
	};
}

import {describe, expect, it} from 'vitest';
import type {Affinity, Node, NodeSelectorRequirement, Pod, PodSpec, Taint, Toleration} from '../../source/kube/objects.js';
import {
	describeAffinity,
	describeNodeSelector,
	describeToleration,
	evaluateNode,
	evaluateNodes,
	formatTaint,
	toleratesTaint,
	untoleratedTaints,
} from '../../source/model/scheduling.js';
import {loadCapture} from '../view/detail/capture.js';

function pod(spec: Partial<PodSpec> = {}): Pod {
	return {metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'app'}], ...spec}};
}

function node(name: string, options: {labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; ready?: string} = {}): Node {
	return {
		metadata: {name, labels: {'kubernetes.io/hostname': name, ...options.labels}},
		spec: {taints: options.taints, unschedulable: options.unschedulable},
		status:
			options.ready === undefined
				? {}
				: {conditions: [{type: 'Ready', status: options.ready, reason: options.ready === 'True' ? 'KubeletReady' : 'KubeletNotReady'}]},
	};
}

function requiring(...matchExpressions: NodeSelectorRequirement[]): Partial<PodSpec> {
	return {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions}]}}}};
}

function messages(fitPod: Pod, fitNode: Node): string[] {
	return evaluateNode(fitPod, fitNode).reasons.map(reason => reason.message);
}

describe('evaluateNodes: nodeSelector', () => {
	it('says which label a node lacks', () => {
		expect(messages(pod({nodeSelector: {disktype: 'ssd'}}), node('kind-worker'))).toEqual(['kind-worker lacks label disktype=ssd']);
	});

	it('says which value a node has instead', () => {
		expect(messages(pod({nodeSelector: {disktype: 'ssd'}}), node('kind-worker', {labels: {disktype: 'hdd'}}))).toEqual([
			'kind-worker has label disktype=hdd, not disktype=ssd',
		]);
	});

	it('lets a node with every selected label fit', () => {
		const fit = evaluateNode(pod({nodeSelector: {disktype: 'ssd', zone: 'a'}}), node('n1', {labels: {disktype: 'ssd', zone: 'a'}}));
		expect(fit).toEqual({node: 'n1', fits: true, reasons: []});
	});
});

describe('evaluateNodes: required node affinity operators', () => {
	const cases: Array<{name: string; requirement: NodeSelectorRequirement; labels: Record<string, string>; fits: boolean; words?: string}> = [
		{name: 'In matches one of the values', requirement: {key: 'disktype', operator: 'In', values: ['ssd', 'nvme']}, labels: {disktype: 'nvme'}, fits: true},
		{
			name: 'In refuses another value',
			requirement: {key: 'disktype', operator: 'In', values: ['ssd', 'nvme']},
			labels: {disktype: 'hdd'},
			fits: false,
			words: 'n1 has label disktype=hdd, not ssd or nvme',
		},
		{
			name: 'In refuses a missing label',
			requirement: {key: 'disktype', operator: 'In', values: ['ssd']},
			labels: {},
			fits: false,
			words: 'n1 lacks label disktype=ssd',
		},
		{
			name: 'NotIn refuses a listed value',
			requirement: {key: 'disktype', operator: 'NotIn', values: ['hdd']},
			labels: {disktype: 'hdd'},
			fits: false,
			words: 'n1 has label disktype=hdd, which the pod excludes',
		},
		{name: 'NotIn accepts a missing label', requirement: {key: 'disktype', operator: 'NotIn', values: ['hdd']}, labels: {}, fits: true},
		{name: 'Exists needs the label', requirement: {key: 'gpu', operator: 'Exists'}, labels: {}, fits: false, words: 'n1 lacks label gpu'},
		{name: 'Exists accepts an empty value', requirement: {key: 'gpu', operator: 'Exists'}, labels: {gpu: ''}, fits: true},
		{
			name: 'DoesNotExist refuses the label',
			requirement: {key: 'spot', operator: 'DoesNotExist'},
			labels: {spot: 'true'},
			fits: false,
			words: 'n1 has label spot=true, which the pod requires absent',
		},
		{name: 'DoesNotExist accepts its absence', requirement: {key: 'spot', operator: 'DoesNotExist'}, labels: {}, fits: true},
		{name: 'Gt compares as integers', requirement: {key: 'cores', operator: 'Gt', values: ['8']}, labels: {cores: '16'}, fits: true},
		{
			name: 'Gt refuses a smaller number',
			requirement: {key: 'cores', operator: 'Gt', values: ['8']},
			labels: {cores: '4'},
			fits: false,
			words: 'n1 has label cores=4, not greater than 8',
		},
		{
			name: 'Gt refuses a label that is not a number',
			requirement: {key: 'cores', operator: 'Gt', values: ['8']},
			labels: {cores: 'many'},
			fits: false,
			words: 'n1 has label cores=many, not a number',
		},
		{name: 'Lt accepts a smaller number', requirement: {key: 'cores', operator: 'Lt', values: ['8']}, labels: {cores: '4'}, fits: true},
		{
			name: 'Lt refuses an equal number',
			requirement: {key: 'cores', operator: 'Lt', values: ['8']},
			labels: {cores: '8'},
			fits: false,
			words: 'n1 has label cores=8, not less than 8',
		},
		{
			name: 'Lt refuses a missing label',
			requirement: {key: 'cores', operator: 'Lt', values: ['8']},
			labels: {},
			fits: false,
			words: 'n1 lacks label cores (needs a number less than 8)',
		},
	];
	for (const testCase of cases) {
		it(testCase.name, () => {
			const fit = evaluateNode(pod(requiring(testCase.requirement)), node('n1', {labels: testCase.labels}));
			expect(fit.fits).toBe(testCase.fits);
			if (testCase.words) expect(fit.reasons).toEqual([{rule: 'nodeAffinity', message: testCase.words}]);
		});
	}

	it('matches metadata.name through matchFields', () => {
		const spec: Partial<PodSpec> = {
			affinity: {
				nodeAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: {
						nodeSelectorTerms: [{matchFields: [{key: 'metadata.name', operator: 'In', values: ['kind-worker']}]}],
					},
				},
			},
		};
		const fits = evaluateNodes(pod(spec), [node('kind-worker'), node('kind-control-plane')]);
		expect(fits.map(fit => [fit.node, fit.fits])).toEqual([
			['kind-control-plane', false],
			['kind-worker', true],
		]);
		expect(fits[0]!.reasons[0]!.message).toBe('kind-control-plane is not kind-worker (node name)');
	});

	it('excludes a node by name with matchFields NotIn', () => {
		const spec: Partial<PodSpec> = {
			affinity: {
				nodeAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: 'metadata.name', operator: 'NotIn', values: ['n1']}]}]},
				},
			},
		};
		expect(evaluateNode(pod(spec), node('n1')).fits).toBe(false);
		expect(evaluateNode(pod(spec), node('n2')).fits).toBe(true);
	});

	it('ANDs the requirements of one term and names each one that fails', () => {
		const fit = evaluateNode(pod(requiring({key: 'disktype', operator: 'In', values: ['ssd']}, {key: 'gpu', operator: 'Exists'})), node('n1'));
		expect(fit.reasons.map(reason => reason.message)).toEqual(['n1 lacks label disktype=ssd and lacks label gpu']);
	});

	it('ORs the terms: a node matching the second term fits', () => {
		const spec: Partial<PodSpec> = {
			affinity: {
				nodeAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: {
						nodeSelectorTerms: [
							{matchExpressions: [{key: 'disktype', operator: 'In', values: ['ssd']}]},
							{matchExpressions: [{key: 'gpu', operator: 'Exists'}]},
						],
					},
				},
			},
		};
		expect(evaluateNode(pod(spec), node('n1', {labels: {gpu: 'a100'}})).fits).toBe(true);
		expect(messages(pod(spec), node('n2'))).toEqual([
			'n2 matches none of the 2 required node affinity terms (term 1: lacks label disktype=ssd; term 2: lacks label gpu)',
		]);
	});

	it('lets an empty term match no node', () => {
		const spec: Partial<PodSpec> = {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{}]}}}};
		expect(evaluateNode(pod(spec), node('n1')).fits).toBe(false);
	});

	it('ignores preferred node affinity when filtering', () => {
		const spec: Partial<PodSpec> = {
			affinity: {
				nodeAffinity: {
					preferredDuringSchedulingIgnoredDuringExecution: [{weight: 20, preference: {matchExpressions: [{key: 'zone', operator: 'In', values: ['a']}]}}],
				},
			},
		};
		expect(evaluateNode(pod(spec), node('n1')).fits).toBe(true);
	});
});

describe('evaluateNodes: taints and tolerations', () => {
	const controlPlane: Taint = {key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'};

	it('refuses a node whose NoSchedule taint is not tolerated, naming the taint', () => {
		expect(evaluateNode(pod(), node('kind-control-plane', {taints: [controlPlane]})).reasons).toEqual([
			{rule: 'taint', message: 'kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated)'},
		]);
	});

	it('refuses a NoExecute taint too, but not PreferNoSchedule', () => {
		const taints: Taint[] = [
			{key: 'a', value: 'x', effect: 'NoExecute'},
			{key: 'b', effect: 'PreferNoSchedule'},
		];
		expect(messages(pod(), node('n1', {taints}))).toEqual(['n1 has taint a=x:NoExecute (not tolerated)']);
	});

	const tolerationCases: Array<{name: string; toleration: Toleration; taint: Taint; tolerated: boolean}> = [
		{
			name: 'Exists with the key tolerates any value',
			toleration: {key: 'a', operator: 'Exists'},
			taint: {key: 'a', value: 'x', effect: 'NoSchedule'},
			tolerated: true,
		},
		{
			name: 'Equal needs the same value',
			toleration: {key: 'a', operator: 'Equal', value: 'x'},
			taint: {key: 'a', value: 'y', effect: 'NoSchedule'},
			tolerated: false,
		},
		{
			name: 'Equal with the same value tolerates',
			toleration: {key: 'a', operator: 'Equal', value: 'x', effect: 'NoSchedule'},
			taint: {key: 'a', value: 'x', effect: 'NoSchedule'},
			tolerated: true,
		},
		{name: 'no operator means Equal', toleration: {key: 'a', value: 'x'}, taint: {key: 'a', value: 'x', effect: 'NoExecute'}, tolerated: true},
		{
			name: 'another effect does not tolerate',
			toleration: {key: 'a', operator: 'Exists', effect: 'NoExecute'},
			taint: {key: 'a', effect: 'NoSchedule'},
			tolerated: false,
		},
		{name: 'another key does not tolerate', toleration: {key: 'b', operator: 'Exists'}, taint: {key: 'a', effect: 'NoSchedule'}, tolerated: false},
		{
			name: 'an empty key with Exists tolerates every taint',
			toleration: {operator: 'Exists'},
			taint: {key: 'anything', value: 'v', effect: 'NoExecute'},
			tolerated: true,
		},
		{
			name: 'an empty key with Exists and an effect tolerates only that effect',
			toleration: {operator: 'Exists', effect: 'NoSchedule'},
			taint: {key: 'k', effect: 'NoExecute'},
			tolerated: false,
		},
	];
	for (const testCase of tolerationCases) {
		it(testCase.name, () => {
			expect(toleratesTaint(testCase.toleration, testCase.taint)).toBe(testCase.tolerated);
			expect(evaluateNode(pod({tolerations: [testCase.toleration]}), node('n1', {taints: [testCase.taint]})).fits).toBe(testCase.tolerated);
		});
	}

	it('lists every untolerated taint, not only the first', () => {
		const taints: Taint[] = [controlPlane, {key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule'}];
		expect(untoleratedTaints(taints, [{key: 'node.kubernetes.io/not-ready', operator: 'Exists'}]).map(formatTaint)).toEqual([
			'node-role.kubernetes.io/control-plane:NoSchedule',
		]);
	});
});

describe('evaluateNodes: cordon, readiness, nodeName', () => {
	it('says a cordoned node is unschedulable', () => {
		expect(evaluateNode(pod(), node('kind-worker', {unschedulable: true})).reasons).toEqual([
			{rule: 'unschedulable', message: 'kind-worker is cordoned (unschedulable)'},
		]);
	});

	it('lets a pod that tolerates the unschedulable taint onto a cordoned node', () => {
		const tolerations: Toleration[] = [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'}];
		expect(evaluateNode(pod({tolerations}), node('kind-worker', {unschedulable: true})).fits).toBe(true);
	});

	it('says a node is not Ready', () => {
		expect(evaluateNode(pod(), node('n1', {ready: 'False'})).reasons).toEqual([{rule: 'notReady', message: 'n1 is not Ready (Ready=False: KubeletNotReady)'}]);
		expect(evaluateNode(pod(), node('n2', {ready: 'True'})).fits).toBe(true);
	});

	it('refuses every node but the one in spec.nodeName', () => {
		const fits = evaluateNodes(pod({nodeName: 'n2'}), [node('n1'), node('n2')]);
		expect(fits.map(fit => fit.fits)).toEqual([false, true]);
		expect(fits[0]!.reasons[0]!.rule).toBe('nodeName');
	});

	it('gives all the reasons of one node at once', () => {
		const fit = evaluateNode(
			pod({nodeSelector: {disktype: 'ssd'}}),
			node('n1', {unschedulable: true, taints: [{key: 'k', effect: 'NoSchedule'}], ready: 'Unknown'}),
		);
		expect(fit.reasons.map(reason => reason.rule)).toEqual(['unschedulable', 'nodeSelector', 'taint', 'notReady']);
	});
});

describe('evaluateNodes on the real nodes of kind-boot', () => {
	const capture = loadCapture('kind-boot.ndjson');
	const nodes = [...capture.view.nodes.values()];

	it('refuses kind-control-plane to a pod without the control-plane toleration', () => {
		const crashloopSpec = loadCapture('crashloop.ndjson').pod('crashloop').readObject();
		const unscheduled: Pod = {...crashloopSpec, spec: {...crashloopSpec.spec, nodeName: undefined}};
		const fits = evaluateNodes(unscheduled, nodes);
		expect(fits.map(fit => [fit.node, fit.fits])).toEqual([
			['kind-control-plane', false],
			['kind-worker', true],
		]);
		expect(fits[0]!.reasons.map(reason => reason.message)).toEqual([
			'kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated)',
		]);
	});

	it('lets coredns, which tolerates the control-plane taint, onto both nodes', () => {
		const coredns = capture.pod('coredns').readObject();
		const unscheduled: Pod = {...coredns, spec: {...coredns.spec, nodeName: undefined}};
		expect(evaluateNodes(unscheduled, nodes).every(fit => fit.fits)).toBe(true);
	});

	it('refuses kind-worker while it still carries the not-ready taint', () => {
		const early = loadCapture('kind-boot.ndjson', 2096);
		const fits = evaluateNodes(pod(), early.view.nodes.values());
		expect(fits.map(fit => fit.reasons.map(reason => reason.message))).toEqual([
			['kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated)'],
			['kind-worker has taint node.kubernetes.io/not-ready:NoSchedule (not tolerated)'],
		]);
	});
});

describe('placement rules in words', () => {
	it('writes required node affinity as a sentence', () => {
		expect(describeAffinity(requiring({key: 'disktype', operator: 'In', values: ['ssd', 'nvme']}).affinity)).toEqual([
			'must run on a node where disktype is ssd or nvme',
		]);
	});

	it('writes preferred terms with their weight, and zones as zones', () => {
		const affinity: Affinity = {
			nodeAffinity: {
				preferredDuringSchedulingIgnoredDuringExecution: [
					{weight: 20, preference: {matchExpressions: [{key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a']}]}},
				],
			},
		};
		expect(describeAffinity(affinity)).toEqual(['prefers (weight 20) nodes in zone us-east-1a']);
	});

	it('ORs several required terms and words every operator', () => {
		const affinity: Affinity = {
			nodeAffinity: {
				requiredDuringSchedulingIgnoredDuringExecution: {
					nodeSelectorTerms: [
						{
							matchExpressions: [
								{key: 'gpu', operator: 'Exists'},
								{key: 'spot', operator: 'DoesNotExist'},
							],
						},
						{
							matchExpressions: [
								{key: 'cores', operator: 'Gt', values: ['8']},
								{key: 'tier', operator: 'NotIn', values: ['a', 'b']},
							],
							matchFields: [{key: 'metadata.name', operator: 'In', values: ['n1']}],
						},
					],
				},
			},
		};
		expect(describeAffinity(affinity)).toEqual([
			'must run on a node with label gpu and without label spot, or a node where cores is greater than 8 and where tier is none of a or b and named n1',
		]);
	});

	it('writes pod anti-affinity as "must not share"', () => {
		const affinity: Affinity = {
			podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: 'kubernetes.io/hostname', labelSelector: {matchLabels: {app: 'web'}}}]},
		};
		expect(describeAffinity(affinity)).toEqual(['must not share kubernetes.io/hostname with pods app=web']);
	});

	it('writes preferred pod affinity with weight, namespaces and matchLabelKeys', () => {
		const affinity: Affinity = {
			podAffinity: {
				preferredDuringSchedulingIgnoredDuringExecution: [
					{
						weight: 50,
						podAffinityTerm: {
							topologyKey: 'topology.kubernetes.io/zone',
							labelSelector: {matchExpressions: [{key: 'app', operator: 'In', values: ['db', 'cache']}]},
							namespaces: ['data'],
							matchLabelKeys: ['pod-template-hash'],
						},
					},
				],
			},
			podAntiAffinity: {
				preferredDuringSchedulingIgnoredDuringExecution: [{weight: 10, podAffinityTerm: {topologyKey: 'kubernetes.io/hostname', labelSelector: {}}}],
			},
		};
		expect(describeAffinity(affinity)).toEqual([
			'prefers (weight 50) to share topology.kubernetes.io/zone with pods app in (db, cache) in namespace data (same pod-template-hash as this pod)',
			'prefers (weight 10) not to share kubernetes.io/hostname with any pod',
		]);
	});

	it('writes nodeSelector and tolerations plainly', () => {
		expect(describeNodeSelector({'kubernetes.io/os': 'linux'})).toEqual(['must run on a node with label kubernetes.io/os=linux']);
		expect(describeToleration({key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule'})).toBe(
			'tolerates node-role.kubernetes.io/control-plane:NoSchedule',
		);
		expect(describeToleration({operator: 'Exists'})).toBe('tolerates every taint');
		expect(describeToleration({key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300})).toBe(
			'tolerates node.kubernetes.io/not-ready:NoExecute for 300s',
		);
		expect(describeToleration({key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule'})).toBe('tolerates dedicated=gpu:NoSchedule');
	});
});

// The discovery documents clients read before anything else: /version,
// /api, /apis and /api/v1. Only the core resources the session holds are
// listed, each with the verbs this server answers (get, list, watch), so
// kubectl's legacy discovery resolves `pods`, `po`, `events`, `nodes`, `ns`; and
// the one subresource it serves, pods/log (get).

export function versionInfo(gitVersion: string | null | undefined): Record<string, string> {
	// Without a recorded version, say so in a form version parsers still accept.
	const version = gitVersion ?? 'v1.32.0-podlife.serve';
	const match = /^v(\d+)\.(\d+)/.exec(version);
	return {
		major: match?.[1] ?? '1',
		minor: match?.[2] ?? '32',
		gitVersion: version,
		gitCommit: '0000000000000000000000000000000000000000',
		gitTreeState: 'clean',
		buildDate: '1970-01-01T00:00:00Z',
		goVersion: 'go1.23.0',
		compiler: 'gc',
		platform: 'linux/amd64',
	};
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
	return {
		kind: 'APIVersions',
		versions: ['v1'],
		serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress}],
	};
}

export function apiGroupList(): Record<string, unknown> {
	return {kind: 'APIGroupList', apiVersion: 'v1', groups: []};
}

interface ResourceInfo {
	name: string;
	singularName: string;
	namespaced: boolean;
	kind: string;
	shortNames?: string[];
	categories?: string[];
}

const resources: ResourceInfo[] = [
	{name: 'events', singularName: 'event', namespaced: true, kind: 'Event', shortNames: ['ev']},
	{name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', shortNames: ['ns']},
	{name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', shortNames: ['no']},
	{name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all']},
];

export function coreResourceList(): Record<string, unknown> {
	return {
		kind: 'APIResourceList',
		groupVersion: 'v1',
		resources: [
			...resources.map(resource => ({...resource, verbs: ['get', 'list', 'watch']})),
			{name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get']},
		],
	};
}

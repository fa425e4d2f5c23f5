// docs/rbac.yaml, the RBAC the README tells users to apply: kubectl accepts it (when kubectl is
// here), and what it grants is what podlife asks for — bound in one namespace, podlife watches
// that namespace with nothing "not permitted"; bound cluster-wide, `-A` sees every namespace with
// nodes and events.
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import {parseAllDocuments} from 'yaml';
import {afterEach, describe, expect, it} from 'vitest';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import type {Grant} from '../../source/serve/fake-api-server.js';
import {connectLive} from '../../source/sources/live/live-source.js';
import {FAST, startFake, type Fake} from '../sources/live/helpers.js';
import {tempDir} from '../sources/live/kubeconfig-fixture.js';
import path from 'node:path';
import fs from 'node:fs';

const MANIFEST = fileURLToPath(new URL('../../docs/rbac.yaml', import.meta.url));

interface Rule {
	apiGroups: string[];
	resources: string[];
	verbs: string[];
}
interface Doc {
	kind: string;
	metadata: {name: string; namespace?: string};
	rules?: Rule[];
	roleRef?: {kind: string; name: string};
}

const docs = parseAllDocuments(readFileSync(MANIFEST, 'utf8')).map(doc => doc.toJS() as Doc);

/** The grants a binding of the manifest gives: its role's rules, in the binding's namespace or cluster-wide. */
function grantsOf(bindingKind: 'RoleBinding' | 'ClusterRoleBinding', namespaces?: string[]): Grant[] {
	return docs
		.filter(doc => doc.kind === bindingKind)
		.flatMap(binding => docs.find(doc => doc.kind === 'ClusterRole' && doc.metadata.name === binding.roleRef!.name)!.rules!)
		.map(rule => ({resources: rule.resources, verbs: rule.verbs as Grant['verbs'], ...(namespaces ? {namespaces} : {})}));
}

let fake: Fake | undefined;
let discovery: Server | undefined;
afterEach(async () => {
	await fake?.close();
	await new Promise(resolve => (discovery ? discovery.close(resolve) : resolve(undefined)));
	fake = undefined;
	discovery = undefined;
});

/** Just enough of an API server for kubectl's client-side dry run: discovery of core/v1 and rbac/v1, and NotFound for every object. */
async function discoveryServer(): Promise<string> {
	const rbac = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].map(name => ({
		name,
		singularName: name.slice(0, -1),
		namespaced: name.startsWith('role'),
		kind: {roles: 'Role', rolebindings: 'RoleBinding', clusterroles: 'ClusterRole', clusterrolebindings: 'ClusterRoleBinding'}[name],
		verbs: ['create', 'get', 'list', 'patch'],
	}));
	const answers: Record<string, unknown> = {
		'/api': {kind: 'APIVersions', versions: ['v1']},
		'/apis': {
			kind: 'APIGroupList',
			apiVersion: 'v1',
			groups: [
				{
					name: 'rbac.authorization.k8s.io',
					versions: [{groupVersion: 'rbac.authorization.k8s.io/v1', version: 'v1'}],
					preferredVersion: {groupVersion: 'rbac.authorization.k8s.io/v1', version: 'v1'},
				},
			],
		},
		'/api/v1': {kind: 'APIResourceList', groupVersion: 'v1', resources: []},
		'/apis/rbac.authorization.k8s.io/v1': {kind: 'APIResourceList', groupVersion: 'rbac.authorization.k8s.io/v1', resources: rbac},
	};
	discovery = createServer((request, response) => {
		const known = answers[new URL(request.url ?? '/', 'http://x').pathname];
		const body = known ?? {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', message: 'not found', code: 404};
		response.writeHead(known ? 200 : 404, {'Content-Type': 'application/json'});
		response.end(JSON.stringify(body));
	});
	await new Promise<void>(resolve => discovery!.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
}

/** Async: the in-process discovery server must answer while kubectl runs. */
function kubectl(args: string[]): Promise<{stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn('kubectl', args);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.on('close', () => {
			clearTimeout(timer);
			resolve({stdout, stderr});
		});
	});
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0;

describe('docs/rbac.yaml', () => {
	it('is accepted by kubectl apply --dry-run=client (when kubectl is installed)', async () => {
		if (!hasKubectl) return;
		const dir = tempDir();
		const kubeconfig = path.join(dir, 'kubeconfig');
		fs.writeFileSync(kubeconfig, kubeconfigFor(await discoveryServer()));
		const result = await kubectl(['--kubeconfig', kubeconfig, 'apply', '--dry-run=client', '--validate=false', '-f', MANIFEST]);
		fs.rmSync(dir, {recursive: true, force: true});
		expect(result.stderr).toBe('');
		expect(result.stdout.trim().split('\n')).toEqual([
			'clusterrole.rbac.authorization.k8s.io/podlife-viewer created (dry run)',
			'clusterrole.rbac.authorization.k8s.io/podlife-cluster-viewer created (dry run)',
			'rolebinding.rbac.authorization.k8s.io/podlife-viewer created (dry run)',
			'clusterrolebinding.rbac.authorization.k8s.io/podlife-viewer created (dry run)',
			'clusterrolebinding.rbac.authorization.k8s.io/podlife-cluster-viewer created (dry run)',
		]);
	});

	it('bound in one namespace, lets podlife watch its pods and events there, saying only that nodes are not permitted', async () => {
		fake = await startFake('mixed', {startAt: 60_000});
		fake.server.limitAccess(grantsOf('RoleBinding', ['default']));
		const warnings: string[] = [];
		const live = (await connectLive({kubeconfig: fake.kubeconfig, ...FAST})).start({onEntry: () => {}, onWarning: warning => warnings.push(warning)});
		await live.synced;
		await live.stop();
		expect(live.header()).toMatchObject({namespace: 'default', resources: ['pods', 'events']});
		expect(warnings).toEqual(['nodes not permitted: RBAC forbids this user to list them; no node fit shown']);
	});

	it('bound cluster-wide, lets podlife -A watch everything with nothing left out', async () => {
		fake = await startFake('mixed', {startAt: 60_000});
		fake.server.limitAccess(grantsOf('ClusterRoleBinding'));
		const warnings: string[] = [];
		const live = (await connectLive({kubeconfig: fake.kubeconfig, ...FAST, namespace: null})).start({
			onEntry: () => {},
			onWarning: warning => warnings.push(warning),
		});
		await live.synced;
		await live.stop();
		expect(live.header()).toMatchObject({namespace: null, resources: ['pods', 'nodes', 'events']});
		expect(warnings).toEqual([]);
		expect(fake.server.count({status: 403})).toBe(0);
	});
});

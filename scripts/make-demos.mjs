#!/usr/bin/env node
// Rebuilds demo-fixtures/ from recorded captures (default: test/fixtures/captures,
// which are copies of real v1.32.13 API server recordings). Trims what a demo does
// not need — managedFields and last-applied annotations, as the session writer's
// redaction does — keeps every entry, `t` and `row`, and gives each a title and a
// description for `podlife demo --list`. Usage: node scripts/make-demos.mjs [CAPTURES_DIR]
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';

const from = process.argv[2] ?? 'test/fixtures/captures';
const to = 'demo-fixtures';

const demos = {
	mixed: [
		'A busy namespace: web, init, sidecar, crash loop, image pull and job side by side',
		'Six workloads start 1.5 s apart on a kind cluster: a web server becomes ready, init containers run in order, a native sidecar starts before its main container, one pod crash-loops with growing back-off, one cannot pull its image, and a Job runs to completion.',
	],
	'kind-boot': [
		'kind cluster boot: nodes, static control-plane pods, kube-system pods',
		'An empty kind cluster boots: the control-plane and worker nodes register, the kubelet creates mirror pods for the static etcd, kube-apiserver, kube-controller-manager and kube-scheduler, then coredns, kindnet, kube-proxy and the local-path provisioner start.',
	],
	crashloop: [
		'Crash loop: a container exits 1, CrashLoopBackOff with growing back-off',
		'The main container exits with code 1 after starting; the kubelet restarts it with back-off 10s, 20s, 40s, 1m20s. Watch RESTARTS climb and the restart countdown.',
	],
	init: ['Init containers: Init:0/2 → Init:1/2 → PodInitializing → Running', 'Two init containers run one after the other before the main container starts.'],
	'init-crash': [
		'Failing init container: Init:Error → Init:CrashLoopBackOff → Running',
		'The first init container fails twice and backs off, then succeeds; the pod initializes and runs.',
	],
	sidecar: [
		'Native sidecar: Init:0/1 → PodInitializing 1/2 → Running 2/2',
		'An init container with restartPolicy: Always (a native sidecar) starts before the main container and keeps running beside it; READY counts it.',
	],
	imagepull: [
		'Image pull failure: ErrImagePull → ImagePullBackOff',
		'The image tag does not exist: the kubelet fails to pull, backs off, retries, and fails again, four rounds.',
	],
	job: [
		'Job to completion: Running → Completed, finalizer removed',
		'A Job pod runs and exits 0; the pod turns Completed and the job controller removes its tracking finalizer.',
	],
	terminating: [
		'Graceful delete: Terminating with a 30s grace period → Completed → gone',
		'A running pod is deleted: it reads Terminating while its container stops, then Completed, then the kubelet removes it.',
	],
};

mkdirSync(to, {recursive: true});
for (const [name, [title, description]] of Object.entries(demos)) {
	const lines = readFileSync(path.join(from, `${name}.ndjson`), 'utf8')
		.split('\n')
		.filter(Boolean);
	const header = {...JSON.parse(lines[0]), title, description};
	const out = [JSON.stringify(header)];
	for (const line of lines.slice(1)) {
		const entry = JSON.parse(line);
		const meta = entry.object?.metadata;
		if (meta) {
			delete meta.managedFields;
			if (meta.annotations) delete meta.annotations['kubectl.kubernetes.io/last-applied-configuration'];
		}
		out.push(JSON.stringify(entry));
	}
	writeFileSync(path.join(to, `${name}.ndjson`), out.join('\n') + '\n');
}

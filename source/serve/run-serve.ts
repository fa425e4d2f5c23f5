// `podlife serve FILE`: play a session as a Kubernetes API server on loopback,
// in real time, until Ctrl-C. Writes a kubeconfig that points at it so that
// `KUBECONFIG=… podlife` or `kubectl --kubeconfig … get pods -w` just works.
// The session plays as if it were happening now: its times are moved so that
// t = 0 is when the server starts (each round of --loop starts anew, with uids of its
// own) and, at --speed N, run N times as fast (served-clock.ts), so a client that
// reads its own clock sees the ages and countdowns of the replay.

import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {UserError} from '../errors.js';
import {FakeApiServer} from './fake-api-server.js';
import {kubeconfigFor} from './kubeconfig.js';
import {loadSession} from './load-session.js';
import {offsetToStartAt} from './shift-times.js';

export interface ServeOptions {
	file: string;
	port?: number;
	host?: string;
	/** Playback speed factor; default 1 (real time). */
	speed?: number;
	/** Start over after the end of the session. */
	loop?: boolean;
	/** Serve the times as recorded instead of moving the session to now. */
	originalTimes?: boolean;
	/** Where to write the kubeconfig; default a file in a new temp directory (removed on exit). */
	kubeconfigOut?: string;
	/** Require this bearer token (written into the kubeconfig). */
	token?: string;
	/** Serve as a user who may get, list and watch pods in these namespaces only (RBAC, access.ts). */
	allowNamespaces?: string[];
	/** With allowNamespaces: take that access back after this long (open watches are cut, so clients meet the 403). */
	revokeAfterMs?: number;
	/** Receives the one-line announcement (and the URL); without it the line goes to stdout. */
	onListening?: (line: string, url: string) => void;
	/** Receives reader warnings (e.g. a cut-off last line); default stderr. */
	warn?: (line: string) => void;
	/** Resolves to stop the server; default: the first SIGINT or SIGTERM. */
	until?: Promise<unknown>;
}

/** The user `--allow-namespace` serves as, named in the server's 403s. */
const LIMITED_USER = 'podlife-viewer';

function untilSignal(): Promise<void> {
	return new Promise(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}

export async function runServe(options: ServeOptions): Promise<void> {
	if (options.speed !== undefined && !(options.speed > 0)) throw new UserError(`--speed must be a number above 0, not ${options.speed}`);
	const session = await loadSession(options.file);
	const timeShiftMs = options.originalTimes ? 0 : offsetToStartAt(Date.parse(session.header.recordedAt), Date.now());
	const speed = options.speed ?? 1;
	// With the times as recorded, nothing is on the wall clock: the session only plays at --speed.
	const timeSpeed = options.originalTimes ? 1 : speed;
	const server = new FakeApiServer({header: session.header, entries: session.entries, host: options.host, port: options.port ?? 0, timeShiftMs, timeSpeed});
	const warn = options.warn ?? ((line: string) => void process.stderr.write(`podlife: ${line}\n`));
	for (const warning of session.warnings) warn(warning);
	const limited = options.allowNamespaces !== undefined && options.allowNamespaces.length > 0;
	// A limited user needs a name for the server's 403s: it authenticates with a token of its own.
	const token = options.token ?? (limited ? randomBytes(16).toString('hex') : undefined);
	if (token) server.requireToken(token, limited ? LIMITED_USER : undefined);
	if (limited) server.limitAccess([{resources: ['pods'], namespaces: options.allowNamespaces}]);
	let url: string;
	try {
		url = await server.start();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new UserError(`port ${options.port} is in use; pick another with --port`);
		if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${options.port}; pick one above 1023 with --port`);
		throw error;
	}

	const tempDir = options.kubeconfigOut ? undefined : await mkdtemp(join(tmpdir(), 'podlife-serve-'));
	const kubeconfigPath = options.kubeconfigOut ?? join(tempDir!, 'kubeconfig');
	try {
		await writeFile(kubeconfigPath, kubeconfigFor(url, {token, namespace: limited ? options.allowNamespaces![0] : undefined}), {mode: 0o600});
	} catch (error) {
		await server.close();
		throw new UserError(`cannot write the kubeconfig ${kubeconfigPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}

	const title = server.header.title ?? basename(options.file);
	const times = options.originalTimes ? 'times as recorded' : 'times moved to now';
	const as = limited ? `, as user ${LIMITED_USER} allowed pods in ${options.allowNamespaces!.join(', ')} only` : '';
	const line = `serving ${options.file} (${title}, ${times}${as}) at ${url} — point a kubeconfig at it; Ctrl-C stops — kubeconfig: ${kubeconfigPath}`;
	if (options.onListening) options.onListening(line, url);
	else process.stdout.write(`${line}\n`);

	const loop = {loop: options.loop ?? false};
	server.play(options.originalTimes ? {...loop, speed} : {...loop, wallClock: true});
	const revoking =
		limited && options.revokeAfterMs !== undefined
			? setTimeout(() => {
					server.revokeAccess({resources: ['pods']});
					// A real server lets open watches run on; cutting them makes every client's next request meet the 403 now.
					server.cutWatches();
					warn(`revoked the access of ${LIMITED_USER}: every request is answered 403 Forbidden from now on`);
				}, options.revokeAfterMs)
			: undefined;
	try {
		await (options.until ?? untilSignal());
	} finally {
		clearTimeout(revoking);
		await server.close();
		if (tempDir) await rm(tempDir, {recursive: true, force: true});
	}
}

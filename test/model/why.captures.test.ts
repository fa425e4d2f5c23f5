// explainPod on the real objects of the captures, at chosen moments of each scenario.

import {describe, expect, it} from 'vitest';
import {whyLine} from '../../source/model/why.js';
import {captureMoment} from './why-fixture.js';

describe('explainPod on captured sessions', () => {
	it('explains the crash loop at the end of crashloop.ndjson: exit, run time, restarts, back-off and next restart', () => {
		const {why} = captureMoment('crashloop', 94_809);
		expect(why).toEqual({
			cause: 'crash-loop',
			container: 'api',
			health: 'failing',
			text: 'container api exited 1 (Error) after 3s; 4 restarts in 93s; back-off 1m20s, next restart in 78s; message "ConnectionRefusedError: [Errno 111] Connection refused"',
			next: 'next restart in 78s',
		});
	});

	it('counts the next restart down as the clock moves on', () => {
		expect(captureMoment('crashloop', 94_809, 30_000).why?.text).toContain('back-off 1m20s, next restart in 48s');
		expect(captureMoment('crashloop', 94_809, 90_000).why?.text).toContain('back-off 1m20s, next restart due now');
	});

	it('says a running container keeps restarting while the crash loop shows Running between crashes', () => {
		const {why, state} = captureMoment('crashloop', 24_158);
		expect(state.columns.status).toBe('Running');
		expect(why).toMatchObject({cause: 'crash-loop', health: 'failing'});
		expect(why?.text).toBe(
			'container api keeps restarting: 2 restarts in 22s; last exited 1 (Error) after 3s, 10s ago; message "ConnectionRefusedError: [Errno 111] Connection refused"',
		);
	});

	it('names the image and the kubelet message for ImagePullBackOff, and the next pull from the Failed events', () => {
		const {why} = captureMoment('imagepull', 88_222);
		expect(why).toMatchObject({cause: 'image-pull', container: 'web', health: 'failing'});
		expect(why?.text).toBe(
			'container web cannot pull image "nginx:1.27-does-not-exist" (ImagePullBackOff): NotFound: failed to pull and unpack image "docker.io/library/nginx:1.27-does-not-exist": failed to resolve reference "docker.io/library/nginx:1.27-does-not-exist": docker.io/library/nginx:1.27-does-not-exist: not found; 4 failed pulls, next pull in about 78s',
		);
	});

	it('names the failing init container (1/1) in Init:CrashLoopBackOff', () => {
		const {why, state} = captureMoment('init-crash', 20_012);
		expect(state.columns.status).toBe('Init:CrashLoopBackOff');
		expect(why).toEqual({
			cause: 'init-failing',
			container: 'wait-for-db',
			health: 'failing',
			text: `init container wait-for-db (1/1) exited 1 (Error) after 1s; 2 restarts in 18s; back-off 20s, next restart in 18s; message "nc: bad address 'postgres'"`,
			next: 'next restart in 18s',
		});
	});

	it('shows the init container running again, with its failed runs, as progressing', () => {
		const {why} = captureMoment('init-crash', 40_037);
		expect(why).toEqual({
			cause: 'initializing',
			container: 'wait-for-db',
			health: 'progressing',
			text: 'init container wait-for-db (1/1) running for 0s; 3 restarts in 38s; last exited 1 (Error) after 1s',
		});
	});

	it('says which container of the sidecar pod is not ready yet, and nothing once both are', () => {
		expect(captureMoment('sidecar', 7538, 2000).why).toEqual({
			cause: 'not-ready',
			container: 'app',
			health: 'progressing',
			text: 'container app running but not ready for 2s',
		});
		expect(captureMoment('sidecar', 9547).why).toBeNull();
	});

	it('shows a deletion within its grace period as progressing', () => {
		expect(captureMoment('terminating', 10_956, 5000).why).toEqual({
			cause: 'terminating',
			container: null,
			health: 'progressing',
			text: 'deleted 5s ago, grace period 30s ends in 24s; still running: web',
			next: 'grace period 30s ends in 24s',
		});
	});

	it('calls a pod stuck once it is still there past its grace period', () => {
		expect(captureMoment('terminating', 16_971, 30_000).why).toEqual({
			cause: 'stuck-terminating',
			container: null,
			health: 'failing',
			text: 'terminating 6s past its 30s grace period (deleted 36s ago); the kubelet on kind-worker has not confirmed the containers stopped',
		});
	});

	it('has nothing to say about healthy or completed pods', () => {
		expect(captureMoment('web', 8492).why).toBeNull();
		expect(captureMoment('job', 10_892).why).toBeNull();
		expect(captureMoment('terminating', 17_984).why).toBeNull();
	});

	it('gives the TUI one line: cause, then the evidence', () => {
		const {state, view, now} = captureMoment('init-crash', 7965);
		expect(whyLine(state, view, now)).toBe(
			`init-failing: init container wait-for-db (1/1) exited 1 (Error) after 1s; 1 restart in 6s; back-off 10s, next restart in 8s; message "nc: bad address 'postgres'"`,
		);
		const healthy = captureMoment('web', 8492);
		expect(whyLine(healthy.state, healthy.view, healthy.now)).toBeNull();
	});
});

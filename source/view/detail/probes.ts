// Probes and lifecycle handlers in one short line each, close to kubectl describe's
// DescribeProbe ("http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3"):
//   readiness http-get :80/ delay=0s period=10s timeout=1s fail=3

import type {Container, LifecycleHandler, Probe} from '../../kube/objects.js';

type Action = Pick<Probe, 'httpGet' | 'tcpSocket' | 'exec' | 'grpc'> & Pick<LifecycleHandler, 'sleep'>;

/** The action of a probe or handler: "http-get :80/healthz", "exec sh -c 'sleep 5'", "tcp-socket :5432". */
export function describeAction(action: Action): string {
	if (action.exec) return `exec ${(action.exec.command ?? []).map(quoteArgument).join(' ')}`.trimEnd();
	if (action.httpGet) {
		const get = action.httpGet;
		const scheme = get.scheme && get.scheme.toUpperCase() !== 'HTTP' ? `${get.scheme.toLowerCase()}://` : '';
		return `http-get ${scheme}${get.host ?? ''}:${get.port ?? ''}${get.path ?? '/'}`;
	}
	if (action.tcpSocket) return `tcp-socket ${action.tcpSocket.host ?? ''}:${action.tcpSocket.port ?? ''}`;
	if (action.grpc) return `grpc :${action.grpc.port ?? ''}${action.grpc.service ? ` ${action.grpc.service}` : ''}`;
	if (action.sleep) return `sleep ${action.sleep.seconds ?? 0}s`;
	return '(no action)';
}

/** "http-get :80/ delay=0s period=10s timeout=1s fail=3"; the API server defaults the numbers. */
export function describeProbe(probe: Probe): string {
	const parts = [
		describeAction(probe),
		`delay=${probe.initialDelaySeconds ?? 0}s`,
		`period=${probe.periodSeconds ?? 10}s`,
		`timeout=${probe.timeoutSeconds ?? 1}s`,
	];
	if ((probe.successThreshold ?? 1) !== 1) parts.push(`success=${probe.successThreshold}`);
	parts.push(`fail=${probe.failureThreshold ?? 3}`);
	return parts.join(' ');
}

/** "startup …", "liveness …", "readiness …", in the order the kubelet runs them. */
export function containerProbes(container: Container): string[] {
	const out: string[] = [];
	if (container.startupProbe) out.push(`startup ${describeProbe(container.startupProbe)}`);
	if (container.livenessProbe) out.push(`liveness ${describeProbe(container.livenessProbe)}`);
	if (container.readinessProbe) out.push(`readiness ${describeProbe(container.readinessProbe)}`);
	return out;
}

/** "postStart exec …", "preStop sleep 5s". */
export function containerHandlers(container: Container): string[] {
	const out: string[] = [];
	const lifecycle = container.lifecycle;
	if (lifecycle?.postStart) out.push(`postStart ${describeAction(lifecycle.postStart)}`);
	if (lifecycle?.preStop) out.push(`preStop ${describeAction(lifecycle.preStop)}`);
	if (lifecycle?.stopSignal) out.push(`stop signal ${lifecycle.stopSignal}`);
	return out;
}

function quoteArgument(argument: string): string {
	return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

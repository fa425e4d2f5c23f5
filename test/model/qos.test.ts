import {describe, expect, it} from 'vitest';
import type {Container, Pod} from '../../source/kube/objects.js';
import {computeQos, podQos} from '../../source/model/qos.js';

function pod(containers: Container[], qosClass?: string): Pod {
	return {metadata: {name: 'p'}, spec: {containers}, status: qosClass ? {qosClass} : {}};
}

describe('podQos', () => {
	it('trusts the class the API server stored', () => {
		expect(podQos(pod([{name: 'a'}], 'Burstable'))).toBe('Burstable');
	});

	it('computes BestEffort for a pod without requests or limits', () => {
		expect(computeQos(pod([{name: 'a'}, {name: 'b', resources: {requests: {cpu: '0'}}}]))).toBe('BestEffort');
	});

	it('computes Guaranteed when every container has equal cpu and memory limits and requests', () => {
		const resources = {requests: {cpu: '100m', memory: '64Mi'}, limits: {cpu: '100m', memory: '64Mi'}};
		expect(
			computeQos(
				pod([
					{name: 'a', resources},
					{name: 'b', resources: {limits: {cpu: '1', memory: '1Gi'}}},
				]),
			),
		).toBe('Guaranteed');
	});

	it('computes Burstable when a request differs from its limit or a container has none', () => {
		expect(computeQos(pod([{name: 'a', resources: {requests: {cpu: '50m'}, limits: {cpu: '100m', memory: '64Mi'}}}]))).toBe('Burstable');
		expect(computeQos(pod([{name: 'a', resources: {limits: {cpu: '1', memory: '1Gi'}}}, {name: 'b'}]))).toBe('Burstable');
	});
});

import {afterEach, describe, expect, it} from 'vitest';
import {runLiveApp, type AppModule} from '../../source/cli/live-app.js';
import type {RunAppOptions} from '../../source/ui/run-app.js';
import type {RequestRecord} from '../../source/serve/request-handler.js';
import {startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

/** A request that fetches the pods themselves: a watch, or a list page (not the one-item probe of connecting). */
const fetchesPods = (request: RequestRecord): boolean =>
	request.resource === 'pods' && (request.verb === 'watch' || (request.verb === 'list' && request.query['limit'] !== '1'));

describe('podlife live TUI start', () => {
	it.each([
		{mode: 'watch-list stream', watchList: true},
		{mode: 'paged list', watchList: false},
	])('starts listing pods only once the TUI is loaded, and draws with the first pods ($mode)', async ({watchList}) => {
		fake = await startFake('web', {startAt: 3000});
		const server = fake.server;
		let release: () => void = () => {};
		const released = new Promise<void>(resolve => {
			release = resolve;
		});
		let drawn: {pods: number} | null = null;
		const app: AppModule = {
			runApp: async (options: RunAppOptions) => {
				drawn = {pods: options.store.view().pods.size};
			},
		};
		const running = runLiveApp({cluster: {kubeconfig: fake.kubeconfig, namespace: null, watchList}, noColor: true}, async () => {
			await released;
			return app;
		});
		// Connected (the events probe is its last request), and a while longer: no pods fetched yet.
		await waitUntil(() => server.requests.some(request => request.resource === 'events'), 'the connecting probes');
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(server.requests.filter(fetchesPods)).toEqual([]);
		release();
		await running;
		expect(server.requests.filter(fetchesPods).length).toBeGreaterThan(0);
		expect(drawn).not.toBeNull();
		expect(drawn!.pods).toBeGreaterThan(0);
	});
});

// How the fake API server answers one HTTP request, in the order the real server judges it:
// authentication (401), the method, the discovery paths, the route (404), held and throttled
// requests (429), RBAC (403), then pods/log, get, list or watch. Every request is recorded, for
// the tests' assertions. What it answers from is the server's (fake-api-server.ts): ServedParts.

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Pod} from '../kube/objects.js';
import type {SessionHeader} from '../session/format.js';
import {requestNamespace, type AccessRules} from './access.js';
import {apiGroupList, apiVersions, coreResourceList, versionInfo} from './discovery.js';
import {getAnswer, listAnswer, type Answer, type Shape} from './list.js';
import {listOptionProblems} from './list-options.js';
import {negotiate} from './media-type.js';
import type {ObjectHistory} from './object-history.js';
import type {PodLogs} from './pod-logs.js';
import {ANONYMOUS, type RequestFaults, type Throttling} from './request-faults.js';
import {resourceOfRoute, routeOf, type Verb} from './routes.js';
import {parseFieldSelector, parseLabelSelector, SelectorError, type Matcher} from './selectors.js';
import type {ServedObjects} from './served-objects.js';
import * as status from './status.js';
import type {IncludeObject, RowPrinter} from './table.js';
import type {WatchScope} from './watch-connection.js';
import type {Watches} from './watches.js';

export interface RequestRecord {
	method: string;
	path: string;
	query: Record<string, string>;
	verb?: Verb;
	resource?: string;
	namespace?: string;
	name?: string;
	user: string;
	status: number;
	/** When the request came (epoch ms). */
	at: number;
	/** When it was answered (epoch ms); unset for a watch and for a request not answered yet. */
	answeredAt?: number;
}

/** What answering a request reads of the server: its parts, and its address, state and clock as of the request. */
export interface ServedParts {
	readonly header: SessionHeader;
	readonly history: ObjectHistory;
	readonly objects: ServedObjects;
	readonly watches: Watches;
	readonly logs: PodLogs;
	readonly faults: RequestFaults;
	readonly access: AccessRules;
	/** A pod's row as the server prints it at a moment (default now). */
	readonly printRow: RowPrinter;
	/** "host:port", as /api names the server. */
	authority(): string;
	/** Whether the server refuses connections now (a request that came in before is reset). */
	refusing(): boolean;
	/** Session time (ms) now. */
	sessionNow(): number;
	/** A session time as epoch ms on the clock of the served objects. */
	epochOf(t: number): number;
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

function matcher(resource: WatchScope['resource'], query: Record<string, string>): Matcher {
	const labels = parseLabelSelector(query['labelSelector']);
	const fields = parseFieldSelector(query['fieldSelector'], resource);
	return object => labels(object) && fields(object);
}

export class RequestHandler {
	/** `requests`: where each request's record is added, in the order they came. */
	constructor(
		private readonly served: ServedParts,
		private readonly requests: RequestRecord[],
	) {}

	/** Answers `request`; a defect while answering is a 500, as the real server's, never a crash. */
	respond(request: IncomingMessage, response: ServerResponse): void {
		this.handle(request, response).catch((error: unknown) => {
			// A bug here must not kill the process serving a demo: answer like the real server's 500.
			if (response.headersSent) return void response.destroy();
			const body = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(error), reason: 'InternalError', code: 500};
			response.writeHead(500, {'Content-Type': 'application/json'});
			response.end(JSON.stringify(body));
		});
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const served = this.served;
		const url = new URL(request.url ?? '/', 'http://localhost');
		const query = Object.fromEntries(url.searchParams);
		const record: RequestRecord = {method: request.method ?? 'GET', path: url.pathname, query, user: ANONYMOUS, status: 0, at: Date.now()};
		this.requests.push(record);
		if (served.faults.delayMs > 0) await sleep(served.faults.delayMs);
		if (served.refusing()) {
			response.socket?.destroy();
			return;
		}

		const user = served.faults.userOf(request.headers.authorization);
		if (user === null) return this.send(response, record, {body: status.unauthorized()});
		record.user = user;

		if (record.method !== 'GET') return this.send(response, record, {body: status.methodNotAllowed()});
		const path = url.pathname.replace(/\/+$/, '') || '/';
		switch (path) {
			case '/version':
				return this.send(response, record, {body: versionInfo(served.header.serverVersion)});
			case '/healthz':
			case '/livez':
			case '/readyz':
				return this.sendText(response, record, 'ok');
			case '/api':
				return this.send(response, record, {body: apiVersions(served.authority())});
			case '/apis':
				return this.send(response, record, {body: apiGroupList()});
			case '/api/v1':
				return this.send(response, record, {body: coreResourceList()});
		}

		const route = routeOf(path, query);
		if (!route) return this.send(response, record, {body: status.unknownPath()});
		Object.assign(record, {verb: route.verb, resource: resourceOfRoute(route), namespace: route.namespace, name: route.name});
		// A held page is judged (throttled, forbidden, answered) only once released, as if it had just arrived.
		const held = served.faults.heldUntil(route, route.verb === 'list' && Boolean(query['continue']));
		if (held) await held;
		const throttling = served.faults.throttled(route);
		if (throttling !== null) return this.throttle(response, record, throttling);
		if (served.faults.isForbidden(route) || !served.access.allows(route)) {
			return this.send(response, record, {
				body: status.forbidden({...route, resource: resourceOfRoute(route), namespace: requestNamespace(route), user: record.user}),
			});
		}
		if (route.subresource === 'log') {
			// Logs as of the served moment: the history applies entries when their time comes, the clock runs on between them.
			const pod = served.history.get('pods', route.namespace, route.name!)?.object as Pod | undefined;
			return this.send(
				response,
				record,
				served.logs.answer(route.namespace!, route.name!, pod, query, served.sessionNow(), t => served.epochOf(t)),
			);
		}

		const representation = negotiate(request.headers.accept);
		if (!representation) return this.send(response, record, {body: status.notAcceptable()});
		const asked = query['includeObject'] ?? '';
		// handlers/response.go optionsForTransform (apimachinery v1beta1/validation ValidateTableOptions): only when a Table is asked for.
		if (representation.kind === 'table' && !['', 'None', 'Metadata', 'Object'].includes(asked)) {
			const detail = `includeObject: Invalid value: "${asked}": must be 'Metadata', 'Object', 'None', or empty`;
			return this.send(response, record, {body: status.badRequest(`Unable to convert to Table as requested: ${detail}`)});
		}
		const include = (asked === '' ? 'Metadata' : asked) as IncludeObject;
		const shape: Shape = {representation, include, printRow: served.printRow};

		let scope: WatchScope;
		try {
			scope = {resource: route.resource, namespace: route.namespace, matches: matcher(route.resource, query)};
		} catch (error) {
			if (error instanceof SelectorError) return this.send(response, record, {body: status.badRequest(error.message)});
			throw error;
		}

		if (route.verb === 'get') return this.send(response, record, getAnswer(served.objects, route, shape));
		if (route.verb === 'list') {
			const problems = listOptionProblems(query);
			if (problems.length > 0) return this.send(response, record, {body: status.invalidListOptions(problems)});
			return this.send(response, record, listAnswer(served.objects, scope, query, shape));
		}
		record.status = 200;
		const refused = served.watches.start(response, scope, query, shape);
		if (refused) this.send(response, record, refused);
	}

	private send(
		response: ServerResponse,
		record: RequestRecord,
		{body, contentType = 'application/json', headers = {}}: Answer & {headers?: Record<string, string>},
	): void {
		const code = typeof body === 'object' && body !== null && (body as {kind?: unknown}).kind === 'Status' ? (body as status.StatusBody).code : 200;
		record.status = code;
		record.answeredAt = Date.now();
		// A text body (a log) goes as it is; anything else as JSON.
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		response.writeHead(code, {...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private'});
		response.end(text);
	}

	/**
	 * A 429. API Priority and Fairness answers before any handler, with Go's http.Error: a line of
	 * plain text, the wait in the Retry-After header only (apiserver server/filters/maxinflight.go
	 * tooManyRequests, used by priority-and-fairness.go). A watch cache not ready after a restart
	 * answers a Status (storage/cacher cacher.go: errors.NewTooManyRequests), the wait in both.
	 */
	private throttle(response: ServerResponse, record: RequestRecord, {retryAfterSeconds, by}: Throttling): void {
		const headers = {'Retry-After': String(retryAfterSeconds)};
		if (by === 'watch-cache') return this.send(response, record, {body: status.tooManyRequests(retryAfterSeconds), headers});
		this.sendText(response, record, 'Too many requests, please try again later.\n', 429, {...headers, 'X-Content-Type-Options': 'nosniff'});
	}

	private sendText(response: ServerResponse, record: RequestRecord, text: string, code = 200, headers: Record<string, string> = {}): void {
		record.status = code;
		record.answeredAt = Date.now();
		response.writeHead(code, {...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text)});
		response.end(text);
	}
}

// Raw GET and watch requests to the API server, authenticated by client-node
// (KubeConfig.applyToHTTPSOptions: CA, client cert, token, exec plugins, proxy
// agent). Raw rather than client-node's typed API or its Watch because:
// - its typed list deserializer turns timestamps into Date (client-node issue
//   #655) and walks every field of every pod to do it; we keep the wire JSON
//   (strings) as is;
// - its Watch cannot send an Accept header, and `podlife record` asks for the
//   server's Table rows (Accept: as=Table) on pod list and watch.

import http from 'node:http';
import https from 'node:https';
import type {KubeConfig} from '@kubernetes/client-node';
import {KubeApiError, parseRetryAfter, type KubeStatus} from './kube-error.js';
import {parseWithoutManagedFields, withoutManagedFieldsText} from './parse-without-managed-fields.js';

export interface RequestDescription {
	verb: string;
	resource: string;
	namespace: string | null;
}

export interface GetOptions {
	query?: Record<string, string | undefined>;
	accept?: string;
	request: RequestDescription;
	signal?: AbortSignal;
	/** Leave the objects' metadata.managedFields out of the parsed answer (parse-without-managed-fields.ts). */
	withoutManagedFields?: boolean;
}

export interface WatchOptions extends GetOptions {
	/**
	 * Called once per line (one watch event) with the parsed JSON and the text it was parsed from
	 * (managedFields cut already when they were left out): a consumer may keep it to parse again.
	 */
	onEvent: (event: unknown, text: string) => void;
	/** Abort the stream when nothing arrives for this long (a silently dead connection). */
	idleMs: number;
}

export interface TextStreamOptions extends GetOptions {
	/** Called with the body's text as it arrives, in chunks cut anywhere (a container log). */
	onText: (text: string) => void;
}

export interface WatchStream {
	/** Resolves when the stream ends: null when the server closed it, else the error. */
	closed: Promise<Error | null>;
	stop(): void;
}

export interface Transport {
	getJson(path: string, options: GetOptions): Promise<unknown>;
	/** Resolves once the server answered 200 and the stream is open; rejects on any other answer. */
	watch(path: string, options: WatchOptions): Promise<WatchStream>;
	/**
	 * A plain text body as it streams (pods/log with follow): resolves once the server answered 2xx,
	 * rejects with a KubeApiError on any other answer. No idle limit: a log may be quiet for hours.
	 */
	streamText(path: string, options: TextStreamOptions): Promise<WatchStream>;
}

function idleError(): Error {
	const error = new Error('watch received nothing for too long') as NodeJS.ErrnoException;
	error.code = 'WATCH_IDLE';
	return error;
}

function parseStatus(body: string): KubeStatus | null {
	try {
		const parsed = JSON.parse(body) as KubeStatus;
		return parsed && typeof parsed === 'object' ? parsed : null;
	} catch {
		return null;
	}
}

export function createTransport(kc: KubeConfig, server: string): Transport {
	const base = server.replace(/\/+$/, '');

	async function open(path: string, options: GetOptions): Promise<{req: http.ClientRequest; res: http.IncomingMessage}> {
		const url = new URL(base + path);
		for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
		const tls: https.RequestOptions = {};
		// Token refresh and exec plugins run here, once per request.
		await kc.applyToHTTPSOptions(tls);
		const headers = {...(tls.headers as Record<string, string> | undefined), Accept: options.accept ?? 'application/json'};
		const module = url.protocol === 'http:' ? http : https;
		return new Promise((resolve, reject) => {
			const req = module.request(url, {...tls, method: 'GET', headers, signal: options.signal});
			req.on('socket', socket => socket.setKeepAlive(true, 30_000));
			req.on('response', res => resolve({req, res}));
			req.on('error', reject);
			req.end();
		});
	}

	function readBody(res: http.IncomingMessage): Promise<string> {
		return new Promise((resolve, reject) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
			res.on('error', reject);
			res.on('aborted', () => reject(new Error('response aborted')));
		});
	}

	async function failIfNotOk(res: http.IncomingMessage, request: RequestDescription): Promise<void> {
		const code = res.statusCode ?? 0;
		if (code >= 200 && code < 300) return;
		const body = await readBody(res).catch(() => '');
		const retryAfter = res.headers['retry-after'];
		throw new KubeApiError(code, parseStatus(body), request, parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter));
	}

	const parserFor = (options: GetOptions): ((text: string) => unknown) => (options.withoutManagedFields ? parseWithoutManagedFields : JSON.parse);

	return {
		async getJson(path, options) {
			const {res} = await open(path, options);
			await failIfNotOk(res, options.request);
			const body = await readBody(res);
			return parserFor(options)(body);
		},

		async watch(path, options) {
			const {req, res} = await open(path, {...options, query: {...options.query, watch: 'true'}});
			await failIfNotOk(res, options.request);
			const cut = options.withoutManagedFields ? withoutManagedFieldsText : (line: string) => line;
			res.setEncoding('utf8');
			let buffer = '';
			let finish: (error: Error | null) => void = () => {};
			const closed = new Promise<Error | null>(resolve => {
				finish = resolve;
			});
			let idle: NodeJS.Timeout | undefined;
			let ended = false;
			const end = (error: Error | null) => {
				if (ended) return;
				ended = true;
				clearTimeout(idle);
				req.destroy();
				finish(error);
			};
			const arm = () => {
				clearTimeout(idle);
				idle = setTimeout(() => end(idleError()), options.idleMs);
				idle.unref?.();
			};
			arm();
			res.on('data', (chunk: string) => {
				arm();
				buffer += chunk;
				let newline = buffer.indexOf('\n');
				while (newline >= 0) {
					const line = buffer.slice(0, newline).trim();
					buffer = buffer.slice(newline + 1);
					if (line) {
						let text = cut(line);
						let event: unknown;
						try {
							event = JSON.parse(text);
						} catch {
							// A cut line that would not parse (not expected of valid JSON) is parsed whole.
							text = line;
							try {
								event = JSON.parse(line);
							} catch {
								event = undefined;
							}
						}
						if (event !== undefined && !ended) options.onEvent(event, text);
					}
					newline = buffer.indexOf('\n');
				}
			});
			res.on('end', () => end(null));
			res.on('aborted', () => end(new Error('watch connection aborted')));
			res.on('error', error => end(error));
			req.on('error', error => end(error));
			res.on('close', () => end(res.complete ? null : new Error('watch connection closed')));
			return {closed, stop: () => end(null)};
		},

		async streamText(path, options) {
			const {req, res} = await open(path, {...options, accept: options.accept ?? '*/*'});
			await failIfNotOk(res, options.request);
			res.setEncoding('utf8');
			let finish: (error: Error | null) => void = () => {};
			const closed = new Promise<Error | null>(resolve => {
				finish = resolve;
			});
			let ended = false;
			const end = (error: Error | null) => {
				if (ended) return;
				ended = true;
				req.destroy();
				finish(error);
			};
			res.on('data', (chunk: string) => {
				if (!ended) options.onText(chunk);
			});
			res.on('end', () => end(null));
			res.on('aborted', () => end(new Error('log stream aborted')));
			res.on('error', error => end(error));
			req.on('error', error => end(error));
			res.on('close', () => end(res.complete ? null : new Error('log stream closed')));
			return {closed, stop: () => end(null)};
		},
	};
}

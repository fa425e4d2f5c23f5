// The answers to get and list: one object, or the objects in scope at the current resourceVersion
// (or exactly at an older one), in pages with continue tokens, as JSON, a meta.k8s.io Table or
// PartialObjectMetadata, with the real server's Status errors.

import type {KubeObject} from '../kube/objects.js';
import type {Representation} from './media-type.js';
import {objectKey, type StoredObject} from './object-history.js';
import type {Route, ServedResource} from './routes.js';
import type {ServedObjects} from './served-objects.js';
import * as status from './status.js';
import {table, type IncludeObject, type RowPrinter} from './table.js';
import type {WatchScope} from './watch-connection.js';

/** A response body and its content type (default application/json); a Status body is an error. */
export interface Answer {
	body: unknown;
	contentType?: string;
}

/** How the client asked for objects: Accept, includeObject, and who prints a pod's Table row. */
export interface Shape {
	representation: Representation;
	include: IncludeObject;
	printRow: RowPrinter;
}

const listKinds: Record<ServedResource, string> = {pods: 'PodList', nodes: 'NodeList', events: 'EventList', namespaces: 'NamespaceList'};

function stripTypeMeta(object: KubeObject): KubeObject {
	// List items on the wire carry no kind/apiVersion; the list does.
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return rest;
}

/** The index of the first item whose key is after `key` (items in key order). */
function firstAfter(items: readonly StoredObject[], key: string): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (objectKey(items[middle]!.object) > key) high = middle;
		else low = middle + 1;
	}
	return low;
}

function encodeContinue(rv: number, start: string): string {
	return Buffer.from(JSON.stringify({v: 'meta.k8s.io/v1', rv, start})).toString('base64url');
}

function decodeContinue(token: string): {rv: number; start: string} | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {rv?: unknown; start?: unknown};
		if (typeof parsed.rv === 'number' && typeof parsed.start === 'string') return {rv: parsed.rv, start: parsed.start};
	} catch {
		// fall through: not a token of ours
	}
	return undefined;
}

export function getAnswer(objects: ServedObjects, route: Route, {representation, include, printRow}: Shape): Answer {
	const name = route.name!;
	const found = objects.get(route.resource, route.namespace, name);
	if (!found) return {body: status.notFound(route.resource, name)};
	if (representation.kind === 'table' && route.resource !== 'namespaces') {
		const body = table(route.resource, [found], {
			groupVersion: representation.groupVersion,
			include,
			resourceVersion: found.object.metadata?.resourceVersion,
			printRow,
		});
		return {body, contentType: representation.contentType};
	}
	if (representation.kind === 'partial') {
		return {
			body: {kind: 'PartialObjectMetadata', apiVersion: representation.groupVersion, metadata: found.object.metadata ?? {}},
			contentType: representation.contentType,
		};
	}
	return {body: found.object};
}

export function listAnswer(objects: ServedObjects, scope: WatchScope, query: Record<string, string>, {representation, include, printRow}: Shape): Answer {
	let listRv = objects.history.resourceVersion;
	let start = '';
	let items: readonly StoredObject[] | 'expired';
	if (query['continue']) {
		const token = decodeContinue(query['continue']);
		if (!token) return {body: status.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)')};
		start = token.start;
		// resourceVersion -1: the inconsistent continuation an expired token's Status offers, at the latest resourceVersion.
		listRv = token.rv === -1 ? listRv : token.rv;
		items = token.rv === -1 ? objects.current(scope.resource) : objects.at(scope.resource, listRv);
		if (items === 'expired') return {body: status.continueExpired(encodeContinue(-1, start))};
	} else if (query['resourceVersion'] && query['resourceVersionMatch'] === 'Exact') {
		const rv = Number(query['resourceVersion']);
		if (!Number.isInteger(rv)) return {body: status.badRequest(`invalid resource version: ${query['resourceVersion']}`)};
		listRv = rv;
		items = objects.at(scope.resource, rv);
		if (items === 'expired') return {body: status.expired(rv, objects.history.oldestResumable)};
	} else {
		items = objects.current(scope.resource);
	}

	const metadata: {resourceVersion: string; continue?: string; remainingItemCount?: number} = {resourceVersion: String(listRv)};
	const limit = Number(query['limit'] ?? 0);
	const pageSize = Number.isInteger(limit) && limit > 0 ? limit : Infinity;
	// Items are in key order: a continued page starts after its key, found by halving.
	const selected: StoredObject[] = [];
	let remaining = 0;
	for (let at = start === '' ? 0 : firstAfter(items, start); at < items.length; at++) {
		const object = items[at]!.object;
		if (scope.namespace && object.metadata?.namespace !== scope.namespace) continue;
		if (!scope.matches(object)) continue;
		if (selected.length < pageSize) selected.push(items[at]!);
		else remaining++;
	}
	if (remaining > 0) {
		metadata.continue = encodeContinue(listRv, objectKey(selected.at(-1)!.object));
		// The real server only knows the remaining count when it does not filter.
		if (!query['labelSelector'] && !query['fieldSelector']) metadata.remainingItemCount = remaining;
	}

	if (representation.kind === 'table' && scope.resource !== 'namespaces') {
		const body = table(scope.resource, selected, {groupVersion: representation.groupVersion, include, resourceVersion: metadata.resourceVersion, printRow});
		body.metadata = metadata;
		return {body, contentType: representation.contentType};
	}
	if (representation.kind === 'partial') {
		const body = {
			kind: 'PartialObjectMetadataList',
			apiVersion: representation.groupVersion,
			metadata,
			items: selected.map(item => ({kind: 'PartialObjectMetadata', apiVersion: representation.groupVersion, metadata: item.object.metadata ?? {}})),
		};
		return {body, contentType: representation.contentType};
	}
	return {body: {kind: listKinds[scope.resource], apiVersion: 'v1', metadata, items: selected.map(item => stripTypeMeta(item.object))}};
}

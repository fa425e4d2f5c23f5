// Preloaded with `node --import` by test/e2e/bundle.test.ts: every import of client-node fails —
// the package (the unbundled CLI) and the bundle's chunk that holds it (named by
// PODLIFE_CLIENT_NODE_CHUNK) — so a command that runs as usual under it never loaded client-node
// (only the live source may).
import {register} from 'node:module';

const chunk = JSON.stringify(process.env.PODLIFE_CLIENT_NODE_CHUNK ?? '');
const hooks = `export async function resolve(specifier, context, next) {
	if (specifier === '@kubernetes/client-node' || specifier.startsWith('@kubernetes/client-node/')) throw new Error('client-node was imported');
	const resolved = await next(specifier, context);
	if (${chunk} !== '' && resolved.url.endsWith('/' + ${chunk})) throw new Error('client-node was imported');
	return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

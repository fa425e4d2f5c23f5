// Preloaded with `node --import` by test/e2e/bundle.test.ts: every import of client-node fails, so
// a command that runs as usual under it never loaded client-node (only the live source may).
import {register} from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
	if (specifier === '@kubernetes/client-node' || specifier.startsWith('@kubernetes/client-node/')) throw new Error('client-node was imported');
	return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

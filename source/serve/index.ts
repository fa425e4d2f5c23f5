// The fake Kubernetes API server: `podlife serve` and the test double for client code.
export {runServe, type ServeOptions} from './run-serve.js';
export {FakeApiServer, type FakeApiServerOptions, type ForbidRule, type RequestRecord, type Verb} from './fake-api-server.js';
export {kubeconfigFor} from './kubeconfig.js';

// The one part of client-node podlife uses: KubeConfig (kubeconfig files, contexts, credentials,
// exec plugins, proxies). Imported by name, from this module that the live source imports lazily,
// so that the bundle keeps only what KubeConfig reaches, not every generated API client.
export {KubeConfig} from '@kubernetes/client-node';

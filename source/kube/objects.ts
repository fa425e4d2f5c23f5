// Kubernetes objects as they travel on the wire (JSON): timestamps are RFC 3339
// strings, never Date. client-node's V1Pod types say Date because its typed
// deserializer converts them; watch events and session files carry strings
// (client-node issue #655), so the model works on the wire shape only.
// Only the fields podlife reads are typed; the rest stays reachable as unknown.

export interface ObjectMeta {
	name?: string;
	namespace?: string;
	uid?: string;
	resourceVersion?: string;
	generation?: number;
	creationTimestamp?: string;
	deletionTimestamp?: string;
	deletionGracePeriodSeconds?: number;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
	ownerReferences?: OwnerReference[];
	finalizers?: string[];
	managedFields?: unknown[];
	[field: string]: unknown;
}

export interface OwnerReference {
	apiVersion?: string;
	kind: string;
	name: string;
	uid?: string;
	controller?: boolean;
	blockOwnerDeletion?: boolean;
}

export interface KubeObject {
	apiVersion?: string;
	kind?: string;
	metadata?: ObjectMeta;
	[field: string]: unknown;
}

export interface EnvVar {
	name: string;
	value?: string;
	valueFrom?: unknown;
}

export interface Probe {
	httpGet?: {path?: string; port?: number | string; scheme?: string; host?: string};
	tcpSocket?: {port?: number | string; host?: string};
	exec?: {command?: string[]};
	grpc?: {port?: number; service?: string};
	initialDelaySeconds?: number;
	periodSeconds?: number;
	timeoutSeconds?: number;
	successThreshold?: number;
	failureThreshold?: number;
	terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandler {
	exec?: {command?: string[]};
	httpGet?: {path?: string; port?: number | string; scheme?: string; host?: string};
	tcpSocket?: {port?: number | string};
	sleep?: {seconds?: number};
}

export interface ResourceRequirements {
	limits?: Record<string, string>;
	requests?: Record<string, string>;
}

export interface Container {
	name: string;
	image?: string;
	imagePullPolicy?: string;
	command?: string[];
	args?: string[];
	env?: EnvVar[];
	ports?: Array<{name?: string; containerPort: number; protocol?: string}>;
	resources?: ResourceRequirements;
	livenessProbe?: Probe;
	readinessProbe?: Probe;
	startupProbe?: Probe;
	lifecycle?: {postStart?: LifecycleHandler; preStop?: LifecycleHandler; stopSignal?: string};
	/** Only on init containers: "Always" makes it a native sidecar (KEP-753). */
	restartPolicy?: string;
	/** Only on ephemeral containers. */
	targetContainerName?: string;
	[field: string]: unknown;
}

export interface ContainerStateWaiting {
	reason?: string;
	message?: string;
}

export interface ContainerStateRunning {
	startedAt?: string;
}

export interface ContainerStateTerminated {
	exitCode: number;
	signal?: number;
	reason?: string;
	message?: string;
	startedAt?: string;
	finishedAt?: string;
	containerID?: string;
}

export interface ContainerState {
	waiting?: ContainerStateWaiting;
	running?: ContainerStateRunning;
	terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
	name: string;
	state?: ContainerState;
	lastState?: ContainerState;
	ready: boolean;
	restartCount: number;
	image?: string;
	imageID?: string;
	containerID?: string;
	started?: boolean;
	[field: string]: unknown;
}

export interface PodCondition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastProbeTime?: string | null;
	lastTransitionTime?: string | null;
}

export interface Toleration {
	key?: string;
	operator?: string;
	value?: string;
	effect?: string;
	tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
	key: string;
	operator: string;
	values?: string[];
}

export interface NodeSelectorTerm {
	matchExpressions?: NodeSelectorRequirement[];
	matchFields?: NodeSelectorRequirement[];
}

export interface LabelSelector {
	matchLabels?: Record<string, string>;
	matchExpressions?: NodeSelectorRequirement[];
}

export interface PodAffinityTerm {
	labelSelector?: LabelSelector;
	namespaces?: string[];
	namespaceSelector?: LabelSelector;
	topologyKey: string;
	matchLabelKeys?: string[];
	mismatchLabelKeys?: string[];
}

export interface Affinity {
	nodeAffinity?: {
		requiredDuringSchedulingIgnoredDuringExecution?: {nodeSelectorTerms: NodeSelectorTerm[]};
		preferredDuringSchedulingIgnoredDuringExecution?: Array<{weight: number; preference: NodeSelectorTerm}>;
	};
	podAffinity?: {
		requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
		preferredDuringSchedulingIgnoredDuringExecution?: Array<{weight: number; podAffinityTerm: PodAffinityTerm}>;
	};
	podAntiAffinity?: {
		requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
		preferredDuringSchedulingIgnoredDuringExecution?: Array<{weight: number; podAffinityTerm: PodAffinityTerm}>;
	};
}

/** A pod's topology spread constraint (core/v1 TopologySpreadConstraint). */
export interface TopologySpreadConstraint {
	maxSkew: number;
	topologyKey: string;
	/** DoNotSchedule (a filter) or ScheduleAnyway (only scored). */
	whenUnsatisfiable: string;
	labelSelector?: LabelSelector;
	minDomains?: number;
	/** Honor (the default) or Ignore. */
	nodeAffinityPolicy?: string;
	/** Ignore (the default) or Honor. */
	nodeTaintsPolicy?: string;
	matchLabelKeys?: string[];
}

export interface PodSpec {
	containers: Container[];
	initContainers?: Container[];
	ephemeralContainers?: Container[];
	nodeName?: string;
	nodeSelector?: Record<string, string>;
	affinity?: Affinity;
	tolerations?: Toleration[];
	topologySpreadConstraints?: TopologySpreadConstraint[];
	schedulingGates?: Array<{name: string}>;
	readinessGates?: Array<{conditionType: string}>;
	restartPolicy?: string;
	terminationGracePeriodSeconds?: number;
	priorityClassName?: string;
	schedulerName?: string;
	serviceAccountName?: string;
	[field: string]: unknown;
}

export interface PodStatus {
	phase?: string;
	reason?: string;
	message?: string;
	conditions?: PodCondition[];
	hostIP?: string;
	podIP?: string;
	podIPs?: Array<{ip: string}>;
	nominatedNodeName?: string;
	startTime?: string;
	qosClass?: string;
	initContainerStatuses?: ContainerStatus[];
	containerStatuses?: ContainerStatus[];
	ephemeralContainerStatuses?: ContainerStatus[];
	[field: string]: unknown;
}

export interface Pod extends KubeObject {
	kind?: 'Pod' | string;
	metadata: ObjectMeta;
	spec: PodSpec;
	status?: PodStatus;
}

export interface Taint {
	key: string;
	value?: string;
	effect: string;
	timeAdded?: string;
}

export interface NodeCondition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastHeartbeatTime?: string;
	lastTransitionTime?: string;
}

export interface Node extends KubeObject {
	metadata: ObjectMeta;
	spec?: {taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; [field: string]: unknown};
	status?: {
		conditions?: NodeCondition[];
		addresses?: Array<{type: string; address: string}>;
		allocatable?: Record<string, string>;
		capacity?: Record<string, string>;
		nodeInfo?: {kubeletVersion?: string; [field: string]: unknown};
		[field: string]: unknown;
	};
}

/** A namespace: placement reads only its labels (a pod affinity term's namespaceSelector). */
export interface Namespace extends KubeObject {
	metadata: ObjectMeta;
}

export interface KubeEvent extends KubeObject {
	metadata: ObjectMeta;
	involvedObject: {kind?: string; namespace?: string; name?: string; uid?: string; fieldPath?: string};
	reason?: string;
	message?: string;
	type?: string;
	count?: number;
	firstTimestamp?: string | null;
	lastTimestamp?: string | null;
	eventTime?: string | null;
	source?: {component?: string; host?: string};
	/** events.k8s.io's reportingController, as core/v1 names it. */
	reportingComponent?: string;
	/** events.k8s.io's reportingInstance: the host or instance that reported it. */
	reportingInstance?: string;
	series?: {count?: number; lastObservedTime?: string};
}

/** Epoch milliseconds of an RFC 3339 timestamp; null when absent or unparsable. */
export function timeMs(value: string | null | undefined): number | null {
	if (!value) return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : ms;
}

// One connection state for the user out of one per watched resource: the worst
// of them (disconnected > reconnecting > relisting > connected). A STATUS
// marker is emitted only when what the user would see changes.

import type {ConnectionState} from '../../session/format.js';

export interface TrackedStatus {
	state: ConnectionState;
	message: string;
	attempt?: number;
}

const RANK: Record<ConnectionState, number> = {connected: 0, relisting: 1, reconnecting: 2, disconnected: 3};

export class ConnectionTracker {
	private readonly perResource = new Map<string, TrackedStatus>();
	private last: TrackedStatus | null = null;
	private readonly onChange: (status: TrackedStatus) => void;

	constructor(resources: readonly string[], onChange: (status: TrackedStatus) => void) {
		this.onChange = onChange;
		for (const resource of resources) this.perResource.set(resource, {state: 'connected', message: ''});
	}

	/** Sets the state of one resource; emits the overall status if it changed. */
	set(resource: string, status: TrackedStatus): void {
		this.perResource.set(resource, status);
		let worst: TrackedStatus | null = null;
		for (const candidate of this.perResource.values()) {
			if (!worst || RANK[candidate.state] > RANK[worst.state]) worst = candidate;
			else if (candidate.state === worst.state && (candidate.attempt ?? 0) > (worst.attempt ?? 0)) worst = candidate;
		}
		if (!worst) return;
		const last = this.last;
		if (last && last.state === worst.state) {
			if (worst.state === 'connected' || worst.state === 'relisting') return;
			// While still reconnecting, only a new, higher attempt is news (not another resource's lower count).
			if (worst.state === 'reconnecting' && (worst.attempt ?? 0) <= (last.attempt ?? 0)) return;
			if (worst.state === 'disconnected' && worst.message === last.message) return;
		}
		this.last = worst;
		this.onChange(worst);
	}

	/** Every resource at once (start, stop). */
	setAll(status: TrackedStatus): void {
		for (const resource of this.perResource.keys()) this.perResource.set(resource, status);
		this.last = status;
		this.onChange(status);
	}

	/** A resource no longer watched (forbidden, optional). */
	remove(resource: string): void {
		this.perResource.delete(resource);
	}

	get current(): TrackedStatus | null {
		return this.last;
	}
}

// YAML: the pod object as of the shown moment, like `kubectl get pod -o yaml` (which also leaves
// managedFields out unless asked). Long lines are cut to the width, or wrapped (`w`); the host scrolls.

import {stringify} from 'yaml';
import type {Pod} from '../../kube/objects.js';
import type {PodState} from '../../model/pod-state.js';
import {DEFAULT_TOMBSTONE_MS} from '../../model/store/pod-store.js';
import {fitLines, line, span, type Line} from './lines.js';

/** How long the store keeps a deleted pod (its object, its events), in minutes as the screens say it. */
export const KEPT_AFTER_DELETION = `${DEFAULT_TOMBSTONE_MS / 60_000} min`;

/**
 * Said where the object of a deleted pod would show once the store no longer keeps it (live, an
 * ended life in the Lanes view): what is left is the version's own facts, never to pass for the
 * object the server sent.
 */
export const OBJECT_NOT_KEPT = `this deleted pod's object is no longer kept: podlife keeps it ${KEPT_AFTER_DELETION} after the deletion, or until a pod of the same name is made, then only its lane's facts: names, labels, owner, node, phase, conditions, containers and transitions`;

/** The pod as YAML text, without metadata.managedFields. */
export function podYaml(pod: Pod): string {
	const {managedFields: _managedFields, ...metadata} = pod.metadata ?? {};
	return stringify({...pod, metadata}, {lineWidth: 0, aliasDuplicateObjects: false});
}

/** The YAML section of `pod`: its object, or one line saying it was not kept. */
export function podYamlLines(pod: PodState, width: number, wrap = false): Line[] {
	if (!pod.objectKept) return fitLines([line(`⚠ ${OBJECT_NOT_KEPT}`, 'warn')], width, true);
	return yamlLines(pod.readObject(), width, wrap);
}

export function yamlLines(pod: Pod, width: number, wrap = false): Line[] {
	const lines = podYaml(pod)
		.replace(/\n$/, '')
		.split('\n')
		.map((text): Line => {
			// Keys dimmer than values, so a long document reads by its values.
			const match = /^(\s*(?:- )?)([^\s:][^:]*:)(\s.*|)$/.exec(text);
			if (!match) return [span(text)];
			return [span(match[1]!), span(match[2]!, 'label'), span(match[3]!)];
		});
	return fitLines(lines, width, wrap);
}

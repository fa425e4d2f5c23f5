// YAML: the pod object as of the shown moment, like `kubectl get pod -o yaml` (which also leaves
// managedFields out unless asked). Long lines are cut to the width, or wrapped (`w`); the host scrolls.

import {stringify} from 'yaml';
import type {Pod} from '../../kube/objects.js';
import {fitLines, span, type Line} from './lines.js';

/** The pod as YAML text, without metadata.managedFields. */
export function podYaml(pod: Pod): string {
	const {managedFields: _managedFields, ...metadata} = pod.metadata ?? {};
	return stringify({...pod, metadata}, {lineWidth: 0, aliasDuplicateObjects: false});
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

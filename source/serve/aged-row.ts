// A real API server prints a pod's row when it answers, so AGE and the "(5s ago)"
// of RESTARTS are as of that moment; the row recorded with an entry is as of the
// entry. Served later (a list a minute after the pod's last change) it would lie,
// and disagree with the objects' own times. The recorded cells stay the server's
// words; only those two time cells are printed again at the serving moment, with
// the printPod port the parity tests check against every recorded row.

import type {Pod} from '../kube/objects.js';
import {formatAge, podColumns} from '../model/print-pod.js';
import {humanDuration} from '../model/duration.js';
import type {PrintedRow} from '../session/format.js';
import type {StatusCompat} from '../model/compat.js';

const AGO = /\((.*) ago\)$/;

/** The recorded row with AGE and the "(X ago)" of RESTARTS printed at `now` (epoch ms) for `pod`. */
export function agedRow(pod: Pod, row: PrintedRow, now: number, compat: StatusCompat): PrintedRow {
	const columns = podColumns(pod, compat);
	const age = columns.createdMs === null ? row.age : formatAge(columns, now);
	const restarts =
		columns.lastRestartMs !== null && AGO.test(row.restarts) ? row.restarts.replace(AGO, `(${humanDuration(now - columns.lastRestartMs)} ago)`) : row.restarts;
	return age === row.age && restarts === row.restarts ? row : {...row, age, restarts};
}

// kubectl-style plain text table: columns left-aligned, separated by three spaces
// (kubectl's tabwriter padding), widths measured in terminal cells.

import stringWidth from 'string-width';

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return alignedLines([header, ...rows], 3).join('\n') + '\n';
}

/** Printable ASCII only: one cell per character, no need to ask string-width. */
const PLAIN = /^[\x20-\x7e]*$/;

function cellWidth(text: string): number {
	return PLAIN.test(text) ? text.length : stringWidth(text);
}

/** Each row's cells padded to their column's widest cell plus `gap` cells (the last cell as it is, trailing spaces trimmed). */
export function alignedLines(rows: readonly (readonly string[])[], gap: number): string[] {
	// Each cell's width measured once (a big cluster's table has a million cells), kept for the padding.
	// A loop, not Math.max(...rows): a big cluster's rows are more arguments than the stack holds.
	const widths: number[] = [];
	const cellWidths = rows.map(row => {
		const measured = new Array<number>(row.length);
		for (let i = 0; i < row.length; i++) {
			const width = cellWidth(row[i]!);
			measured[i] = width;
			if (width > (widths[i] ?? 0)) widths[i] = width;
		}
		return measured;
	});
	return rows.map((cells, index) => {
		const measured = cellWidths[index]!;
		let line = '';
		for (let i = 0; i < cells.length - 1; i++) line += cells[i]! + ' '.repeat(widths[i]! - measured[i]! + gap);
		if (cells.length > 0) line += cells[cells.length - 1]!;
		return line.trimEnd();
	});
}

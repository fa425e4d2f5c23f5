// kubectl-style plain text table: columns left-aligned, separated by three spaces
// (kubectl's tabwriter padding), widths measured in terminal cells.

import stringWidth from 'string-width';

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return alignedLines([header, ...rows], 3).join('\n') + '\n';
}

/** Each row's cells padded to their column's widest cell plus `gap` cells (the last cell as it is, trailing spaces trimmed). */
export function alignedLines(rows: readonly (readonly string[])[], gap: number): string[] {
	// A loop, not Math.max(...rows): a big cluster's rows are more arguments than the stack holds.
	const widths: number[] = [];
	for (const row of rows) for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 0, stringWidth(row[i]!));
	return rows.map(cells =>
		cells
			.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell) + gap)))
			.join('')
			.trimEnd(),
	);
}

// The terminal's size, following resizes (SIGWINCH arrives as stdout 'resize').

import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface TerminalSize {
	columns: number;
	rows: number;
}

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

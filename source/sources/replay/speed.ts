// The speed ladder that faster()/slower() walk through.

export const SPEED_LADDER: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/** The next rung above `speed` (or the top one). */
export function fasterSpeed(speed: number): number {
	return SPEED_LADDER.find(rung => rung > speed) ?? SPEED_LADDER[SPEED_LADDER.length - 1]!;
}

/** The next rung below `speed` (or the bottom one). */
export function slowerSpeed(speed: number): number {
	return [...SPEED_LADDER].reverse().find(rung => rung < speed) ?? SPEED_LADDER[0]!;
}

// A container's log line as podlife prints it: a log is whatever the container wrote, so before a
// line reaches a terminal (the TUI, `--output table|check`) its escape sequences (colours, cursor
// moves, titles) and control characters are taken out — they would move the cursor or break the
// widths the screens count on — and tabs become spaces. Pure, for the model's why line and the views.

// CSI and OSC sequences, other two-character escapes, C0 controls but tab, DEL, and C1 controls
// (0x9B is a CSI of its own on some terminals).
const CONTROL = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-_])|[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

/** The line with no escape sequence or control character left, tabs as four spaces. */
export function printableLogText(line: string): string {
	return line.replace(CONTROL, '').replace(/\t/g, '    ');
}

import type { InputIssue } from './types.js';

/**
 * A user's mistake in the input (bad file, missing column, malformed data, or any row-level problem under
 * --strict). The CLI prints each issue as one line naming file, row, column and fix, and exits 2 —
 * never with a stack trace.
 */
export class InputError extends Error {
  readonly issues: InputIssue[];
  readonly exitCode = 2;

  constructor(issues: InputIssue[] | InputIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = list;
  }
}

/** `file:row [column]: message — fix` — the one format every input problem is shown in. */
export function formatIssue(issue: InputIssue): string {
  const where = [issue.file, issue.row !== undefined ? `row ${issue.row}` : undefined, issue.column ? `column "${issue.column}"` : undefined]
    .filter(Boolean)
    .join(', ');
  const fix = issue.fix ? ` Fix: ${issue.fix}` : '';
  return `${issue.level}: ${where}: ${issue.message}${fix}`;
}

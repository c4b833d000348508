import type { ImportIssue } from './records.js';

/** Collects the report while loading; each reader gets it instead of a global. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];

  warn(source: string, field: string, message: string): void {
    this.issues.push({ severity: 'warning', source, field, message });
  }

  error(source: string, field: string, message: string): void {
    this.issues.push({ severity: 'error', source, field, message });
  }
}

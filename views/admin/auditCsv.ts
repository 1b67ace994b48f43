// Admin → Audit as CSV: the filtered list, newest first, for a spreadsheet or an inquiry.
// Cells go through the results CSV's quoting, so a name typed as a formula stays text.
import type { AuditLine } from '../../src/audit/auditWords';
import { escapeForLog, jsonWithEscapes } from '../../src/domain/text';
import { csvDocument } from '../../src/results/resultsCsv';
import { londonDateTime } from '../shared/londonTime';

export const auditCsvColumns = ['id', 'at_utc', 'uk_time', 'who', 'what', 'ward', 'action', 'address', 'user_agent', 'request_id', 'detail'] as const;

const asSent = (value: string | null) => (value === null ? null : escapeForLog(value));

/** The header row; then each batch of lines as further rows (src/audit/auditTrail.ts reads them). */
export function auditCsvHeader(): string {
  return csvDocument([auditCsvColumns]);
}

export function auditCsvRows(lines: AuditLine[]): string {
  if (lines.length === 0) return '';
  return csvDocument(
    lines.map((l) => [
      l.id,
      l.at,
      londonDateTime(l.at, 'second'),
      l.who,
      l.what,
      l.ward,
      l.action,
      // Sent by the browser, and the detail as stored (reasons, names): written with control
      // and direction characters escaped, so none can turn a row round; the detail stays JSON.
      asSent(l.ip),
      asSent(l.userAgent),
      asSent(l.requestId),
      jsonWithEscapes(l.detail),
    ]),
  );
}

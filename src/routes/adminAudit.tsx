// Admin → Audit: the audit log as a page (newest first, a page at a time) and as CSV, both
// filtered by ward and person from the address.
import { Hono, type Context } from 'hono';
import { auditWards } from '../../db/auditListing';
import { listUsers } from '../../db/users';
import { AuditPage, type AuditChoices } from '../../views/admin/AuditPage';
import { auditCsvHeader, auditCsvRows } from '../../views/admin/auditCsv';
import { resolveAuditQuery } from '../audit/auditQuery';
import { auditLineBatches, auditPage } from '../audit/auditTrail';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

async function choices(c: Ctx): Promise<AuditChoices> {
  const [wards, people] = await Promise.all([auditWards(c.var.db), listUsers(c.var.db)]);
  return { wards, people };
}

async function refused(c: Ctx, problem: string) {
  const page = <AuditPage choices={await choices(c)} chosen={{}} problem={problem} lines={[]} total={0} paged={false} olderBefore={null} signedIn={signedIn(c)} />;
  return c.html(page, 400);
}

export const adminAudit = new Hono<AppEnv>()
  .get('/admin/audit', requireRole('admin'), async (c) => {
    const resolved = await resolveAuditQuery(c.var.db, c.req.query());
    if (!resolved.ok) return refused(c, resolved.problem);
    const { ward, person, before } = resolved.query;
    const page = await auditPage(c.var.db, resolved.filter, before);
    return c.html(
      <AuditPage
        choices={await choices(c)}
        chosen={{ ward, person }}
        problem={null}
        lines={page.lines}
        total={page.total}
        paged={before !== undefined}
        olderBefore={page.olderBefore}
        signedIn={signedIn(c)}
      />,
    );
  })
  .get('/admin/audit.csv', requireRole('admin'), async (c) => {
    const resolved = await resolveAuditQuery(c.var.db, c.req.query());
    if (!resolved.ok) return refused(c, resolved.problem);
    // Built whole before it is sent (not streamed), so a failure half-way is an error, never
    // a file that looks complete without being so.
    const parts = [auditCsvHeader()];
    for await (const lines of auditLineBatches(c.var.db, resolved.filter)) parts.push(auditCsvRows(lines));
    return c.body(parts.join(''), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="declare-audit.csv"' });
  });

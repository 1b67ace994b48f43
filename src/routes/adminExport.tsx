// Admin → Export: download an election's export, download a SQLite backup (Node only), and
// replay an export uploaded from another site (README "Export, backup and replay").
import { Hono, type Context } from 'hono';
import { listElections } from '../../db/results';
import { ExportPage, type ExportPageProps } from '../../views/admin/ExportPage';
import type { MakeBackup } from '../archive/databaseBackup';
import { ExportFailed, exportElection, exportFileName, exportText, fileStamp } from '../archive/exportElection';
import { readExportFile } from '../archive/exportFile';
import { replayElection, ReplayRefused } from '../archive/replayElection';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { refuse } from '../http/refuse';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

/** The downloads are the night's data: never kept by a cache or a shared computer's browser. */
const download = (type: string, fileName: string, extra: Record<string, string> = {}) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${fileName}"`,
  'cache-control': 'no-store',
  ...extra,
});

/** `backup`: the runtime's way to copy its database (Node's SQLite file); absent on Workers. */
export function adminExport(backup?: MakeBackup) {
  const page = async (c: Ctx, props: Partial<ExportPageProps> = {}, status: 200 | 409 | 422 = 200) =>
    c.html(<ExportPage elections={await listElections(c.var.db)} backupOffered={!!backup} signedIn={signedIn(c)} {...props} />, status);
  const refused = (c: Ctx, problems: string[], status: 409 | 422 = 422) => page(c, { problems }, status);

  return new Hono<AppEnv>()
    .use('/admin/export', requireRole('admin'))
    .use('/admin/export/*', requireRole('admin'))
    .use('/admin/backup', requireRole('admin'))
    .use('/admin/replay', requireRole('admin'))
    .get('/admin/export', (c) => page(c))
    .get('/admin/export/:electionId', async (c) => {
      try {
        const file = await exportElection(c.var.db, c.req.param('electionId'));
        if (!file) return c.notFound();
        return c.body(exportText(file), 200, download('application/json; charset=utf-8', exportFileName(file)));
      } catch (error) {
        if (!(error instanceof ExportFailed)) throw error;
        return refuse(c, { status: 500, error: 'export_failed', title: 'The export was not made', message: error.message });
      }
    })
    .get('/admin/backup', async (c) => {
      if (!backup) {
        return refuse(c, {
          status: 404,
          error: 'not_found',
          title: 'No database file to back up here',
          message: 'This site runs on Cloudflare Workers with D1. Take a copy with npx wrangler d1 export declare --remote --output declare-backup.sql.',
        });
      }
      const made = await backup();
      const name = `declare-backup-${fileStamp(new Date().toISOString())}.sqlite`;
      return c.body(made.body, 200, download('application/vnd.sqlite3', name, { 'content-length': String(made.size) }));
    })
    .post('/admin/replay', async (c) => {
      const body = await c.req.parseBody().catch(() => null);
      if (!body) return refused(c, ['The upload did not arrive whole: choose the file and send it again.']);
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) return refused(c, ['Choose the export to replay: the .json file downloaded from Export an election.']);
      const reading = readExportFile(await file.text());
      if (!reading.ok) return refused(c, reading.problems);
      try {
        return await page(c, { replayed: await replayElection(c.var.db, reading.file, actorOf(c)) });
      } catch (error) {
        if (error instanceof ReplayRefused) return refused(c, error.problems, error.status);
        throw error;
      }
    });
}

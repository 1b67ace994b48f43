// Admin → Elections: upload a definition file or a Democracy Club candidates CSV, preview it,
// then import it. Nothing is written before the admin confirms the preview.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { currentElectionId, makeCurrent } from '../../db/currentElection';
import { DefinitionLockedError } from '../../db/setup';
import { ElectionUploadPage } from '../../views/admin/ElectionUploadPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { idsTakenElsewhere } from '../setup/idsTakenElsewhere';
import { definitionRows, importElection, SetupError } from '../setup/importElection';
import { readUpload } from '../setup/readUpload';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

const councilForm = z.object({
  organisation: z.string().trim().max(200, 'The council name can be up to 200 characters').optional(),
  totalSeats: z
    .string()
    .trim()
    .regex(/^\d*$/, 'Seats on the whole council must be a whole number, like 59')
    .optional(),
});

const refused = (c: Ctx, problems: string[], extra: Partial<Parameters<typeof ElectionUploadPage>[0]> = {}) =>
  c.html(<ElectionUploadPage signedIn={signedIn(c)} problems={problems} {...extra} />, 422);

export const adminElections = new Hono<AppEnv>()
  .use('/admin/elections/*', requireRole('admin'))
  .get('/admin/elections/new', (c) => c.html(<ElectionUploadPage signedIn={signedIn(c)} />))
  .post('/admin/elections/preview', async (c) => {
    const body = await c.req.parseBody().catch(() => null);
    if (!body) return refused(c, ['The upload did not arrive whole: choose the file and send it again.']);
    const council = councilForm.safeParse({ organisation: body.organisation || undefined, totalSeats: body.totalSeats || undefined });
    if (!council.success) return refused(c, council.error.issues.map((i) => i.message));
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return refused(c, ['Choose the file to upload: the election definition (.json) or Democracy Club’s candidates CSV.'], { council: council.data });
    const { organisation, totalSeats } = council.data;
    const reading = readUpload(file.name, await file.text(), { organisation, ...(totalSeats ? { totalSeats: Number(totalSeats) } : {}) });
    if (!reading.definition) return refused(c, reading.problems, { kind: reading.kind, warnings: reading.warnings, council: council.data });
    const taken = await idsTakenElsewhere(c.var.db, reading.definition);
    if (taken.length) return refused(c, taken, { kind: reading.kind, warnings: reading.warnings });
    const rows = definitionRows(reading.definition);
    const preview = { definition: reading.definition, rows, carried: JSON.stringify(reading.definition) };
    return c.html(<ElectionUploadPage signedIn={signedIn(c)} kind={reading.kind} warnings={[...reading.warnings, ...rows.warnings]} preview={preview} />);
  })
  // Make current: `/`, the widget's default and the public JSON's default lead to it (audited).
  .post('/admin/elections/:electionId/current', async (c) => {
    const made = await makeCurrent(c.var.db, c.req.param('electionId'), actorOf(c));
    if (made === 'missing') return c.notFound();
    return c.redirect('/admin?done=current', 303);
  })
  .post('/admin/elections/import', async (c) => {
    const body = await c.req.parseBody();
    // The preview's definition comes back from the browser: checked again as if uploaded.
    const reading = readUpload('definition.json', typeof body.definition === 'string' ? body.definition : '');
    if (!reading.definition) return refused(c, reading.problems);
    try {
      const outcome = await importElection(c.var.db, reading.definition, actorOf(c));
      const { id, name } = reading.definition;
      const current = (await currentElectionId(c.var.db)) === id;
      return c.html(<ElectionUploadPage signedIn={signedIn(c)} imported={{ id, name, contests: outcome.contests, created: outcome.created, current }} warnings={outcome.warnings} />);
    } catch (error) {
      if (error instanceof SetupError) return refused(c, error.problems);
      if (error instanceof DefinitionLockedError) return refused(c, [error.message]);
      throw error;
    }
  });

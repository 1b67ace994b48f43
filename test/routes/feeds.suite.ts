// The newsroom feeds: Atom, JSON and CSV, on both drivers.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { medwayWard } from '../fixtures';
import { harness } from '../support/harness';

/** `publicUrl`: as on Node, the server's own address unless said; null for a Worker without one. */
async function nightWithACorrection(
  open: () => Promise<Db>,
  { define, publicUrl = 'http://localhost' }: { define?: NonNullable<Parameters<typeof harness>[1]>['define']; publicUrl?: string | null } = {},
) {
  const h = await harness(open, { define, publicUrl: publicUrl ?? undefined });
  const allSaints = await h.medwaySubmission('All Saints');
  const fortPitt = await h.medwaySubmission('Fort Pitt');
  await h.declare(allSaints.contestId, allSaints.body);
  await h.declare(fortPitt.contestId, fortPitt.body);
  const corrected = { ...allSaints.body, votes: allSaints.body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 262 } : v)) };
  await h.declare(allSaints.contestId, { ...corrected, acceptWarnings: true, reason: 'Wallace bundle of 10 missed' });
  return { h, allSaints, fortPitt };
}

export function feedsSuite(driver: string, open: () => Promise<Db>): void {
  describe(`newsroom feeds (${driver})`, () => {
    it('lists every declaration and correction in Atom, newest first, with stable ids', async () => {
      const { h, allSaints, fortPitt } = await nightWithACorrection(open);
      const res = await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await res.text();
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
      const ids = [...xml.matchAll(/<entry><id>([^<]+)<\/id>/g)].map((m) => m[1]);
      expect(ids).toEqual([`urn:declare:${allSaints.contestId}:v2`, `urn:declare:${fortPitt.contestId}:v1`, `urn:declare:${allSaints.contestId}:v1`]);
      expect(xml).toContain('<title>Correction: All Saints: Ind win</title>');
      expect(xml).toContain('<category term="correction" label="Correction"></category>');
      expect(xml).toContain('Majority 33. Turnout 27.61%. Reason for the correction: Wallace bundle of 10 missed</summary>');
      expect(xml).toContain(`<link rel="alternate" type="text/html" href="http://localhost/elections/${h.def.id}/contests/${allSaints.contestId}"/>`);
      // The first version still reads as it was published.
      expect(xml).toMatch(/<title>All Saints: Ind win<\/title>.*Majority 43\./s);
    });

    it('links to PUBLIC_URL whatever address was asked, in one answer any cache may keep', async () => {
      const { h, fortPitt } = await nightWithACorrection(open, { publicUrl: 'https://results.example.gov.uk' });
      const path = `/api/v1/elections/${h.def.id}/declarations`;
      const ward = `/elections/${h.def.id}/contests/${fortPitt.contestId}`;
      const answers = [await h.app.request(`https://evil.example${path}`), await h.app.request(path)];
      for (const res of answers) {
        expect(res.headers.get('cache-control')).toMatch(/^public, /);
        const body = (await res.json()) as any;
        expect(body.declarations.map((d: any) => d.url)).toContain(`https://results.example.gov.uk${ward}`);
        expect(JSON.stringify(body)).not.toMatch(/evil\.example|localhost/);
      }
      expect(answers[0]!.headers.get('etag')).toBe(answers[1]!.headers.get('etag'));
    });

    it('without a public address, links to the address asked but lets no cache keep it (Workers without PUBLIC_URL)', async () => {
      const { h, fortPitt } = await nightWithACorrection(open, { publicUrl: null });
      const path = `/api/v1/elections/${h.def.id}/declarations`;
      const ward = `/elections/${h.def.id}/contests/${fortPitt.contestId}`;
      for (const origin of ['https://results.example.gov.uk', 'https://evil.example']) {
        const res = await h.app.request(`${origin}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('vary')).toMatch(/\bhost\b/i);
        const body = (await res.json()) as any;
        expect(body.declarations.map((d: any) => d.url)).toContain(`${origin}${ward}`);
      }
    });

    it('gives the same entries as JSON, and answers an unchanged poll with 304', async () => {
      const { h, allSaints } = await nightWithACorrection(open);
      const first = await h.app.request(`/api/v1/elections/${h.def.id}/declarations`);
      const body = (await first.json()) as any;
      expect(body.declarations).toHaveLength(3);
      expect(body.declarations[0]).toMatchObject({
        id: `urn:declare:${allSaints.contestId}:v2`,
        contestName: 'All Saints',
        version: 2,
        correction: true,
        reason: 'Wallace bundle of 10 missed',
        url: `http://localhost/elections/${h.def.id}/contests/${allSaints.contestId}`,
        elected: [{ name: 'Chris Spalding', party: 'Independent', votes: 295, electedByLot: false, id: expect.any(String) }],
      });
      const etag = first.headers.get('etag')!;
      expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
      expect((await h.app.request(`/api/v1/elections/${h.def.id}/declarations`, { headers: { 'if-none-match': etag } })).status).toBe(304);

      const luton = await h.medwaySubmission('Luton');
      await h.declare(luton.contestId, luton.body);
      const after = await h.app.request(`/api/v1/elections/${h.def.id}/declarations`, { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(((await after.json()) as any).declarations[0].contestName).toBe('Luton');
    });

    it('downloads every candidate as CSV, safe to open in a spreadsheet', async () => {
      const { h } = await nightWithACorrection(open, { define: (def) => ({
        ...def,
        contests: def.contests.map((c, i) =>
          i === 0 ? { ...c, candidates: c.candidates.map((x, j) => (j === 0 ? { ...x, knownAs: '=HYPERLINK("http://evil")', description: 'Green, "local"' } : x)) } : c,
        ),
      }) });
      const res = await h.app.request(`/api/v1/elections/${h.def.id}/results.csv`);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-results\.csv"/);
      const lines = (await res.text()).trimEnd().split('\r\n');
      expect(lines).toHaveLength(187);
      expect(lines[0]).toBe('election_id,contest_id,contest_name,seats,status,version,declared_at,electorate,ballot_papers_verified,rejected,turnout_percent,candidate_id,candidate_name,description,party_id,party_name,votes,share_percent,elected,elected_by_lot');
      const spalding = lines.find((l) => l.includes('Chris Spalding'))!;
      expect(spalding).toMatch(/,All Saints,1,declared,2,.*,3495,965,5,27\.61,.*,Chris Spalding,Independent,independent,Independent,295,30\.41,true,false$/);
      expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`,"'=HYPERLINK(""http://evil"")","Green, ""local""",`);
      const declared = medwayWard('All Saints').candidates.length + medwayWard('Fort Pitt').candidates.length;
      expect(lines.filter((l) => l.includes(',awaiting,'))).toHaveLength(186 - declared);
    });

    it("sends the CSV and Atom plain to curl -o and scripts that ask for no compression, gzip to those that take it", async () => {
      const { h } = await nightWithACorrection(open);
      for (const [path, starts] of [
        [`/api/v1/elections/${h.def.id}/results.csv`, 'election_id,'],
        [`/api/v1/elections/${h.def.id}/declarations.atom`, '<?xml'],
      ] as const) {
        const headerSaid = (acceptEncoding?: string) => new Request(`http://localhost${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
        // On Workers the header is Cloudflare's ("br, gzip"); what the client said is in cf.
        const cloudflareSaid = (client: string) => {
          const cf = { clientAcceptEncoding: client };
          // workerd takes `cf` in the init; Node's Request has no such field, so it is added.
          const request = new Request(`http://localhost${path}`, { headers: { 'accept-encoding': 'br, gzip' }, cf } as RequestInit);
          return 'cf' in request ? request : Object.defineProperty(request, 'cf', { value: cf });
        };
        for (const request of [headerSaid(), headerSaid('identity'), cloudflareSaid(''), cloudflareSaid('identity')]) {
          const res = await h.app.fetch(request);
          expect(res.headers.get('content-encoding'), path).toBeNull();
          expect((await res.text()).startsWith(starts), path).toBe(true);
        }
        for (const request of [headerSaid('gzip'), cloudflareSaid('gzip, deflate, br')]) {
          const res = await h.app.fetch(request);
          expect(res.headers.get('content-encoding'), path).toBe('gzip');
          const plain = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text();
          expect(plain.startsWith(starts), path).toBe(true);
        }
      }
    });

    it('answers 404 for an unknown election', async () => {
      const h = await harness(open);
      for (const path of ['declarations.atom', 'declarations', 'results.csv']) {
        expect((await h.app.request(`/api/v1/elections/nope/${path}`)).status).toBe(404);
      }
    });
  });
}

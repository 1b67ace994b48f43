// The widget for live blogs, on better-sqlite3 (routes.workers.test.ts says why not on D1):
// the council widget and the one-ward widget, framable, live (304 while unchanged), saying
// when they were last updated in UK time; and the results page's copy-paste snippet,
// pointing at the address it was asked at, with a hostile name escaped in it.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { elections } from '../../db/schema';
import { embedScriptIntegrity } from '../../src/assets/embedScriptIntegrity';
import { londonClock, londonDateTime } from '../../views/shared/londonTime';
import { medwayNight } from '../social/medwayNight';
import { giveHostileName, hostileName } from '../support/hostile';

const unescapeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

export function widgetSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the widget for live blogs (${driver})`, () => {
    it('shows one ward, framable, live, and when it was last updated in UK time', async () => {
      const night = await medwayNight(open);
      const twydall = await night.contest('Twydall');
      await giveHostileName(night.db, twydall.candidates[0]!.id);
      const e = encodeURIComponent(night.def.id);
      const path = `/embed/elections/${e}/contests/${encodeURIComponent(twydall.id)}`;
      const before = await night.app.request(path);
      expect(before.status).toBe(200);
      expect(before.headers.get('content-security-policy')).toContain('frame-ancestors *');
      expect(before.headers.get('x-frame-options')).toBeNull();
      const waiting = await before.text();
      expect(waiting).toContain('<h2 id="ward-result" class="control">Awaiting result</h2>');
      expect(waiting).toContain('<script src="/static/embed-frame.js" defer=""></script>');
      expect(waiting).toContain('<meta name="color-scheme" content="light dark"/>');
      // The hostile name is text, never markup.
      expect(waiting).not.toContain('<img src=x');
      expect(waiting).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot;, O&#39;Neil');

      await night.declareWard('Twydall');
      const { updatedAt } = (await night.getJson(`/api/v1/elections/${e}`)).body;
      const after = await night.app.request(path);
      const html = await after.text();
      expect(html).toContain('<table class="result">');
      expect(html).toContain(`Last updated <time datetime="${updatedAt}">${londonDateTime(updatedAt)}</time>`);
      expect(londonDateTime(updatedAt)).toMatch(/^\d\d:\d\d on \w+day /);

      const live = await night.app.request(`${path}/live`);
      expect(live.status).toBe(200);
      expect(live.headers.get('cache-control')).toMatch(/max-age=2/);
      expect((await night.app.request(`${path}/live`, { headers: { 'if-none-match': live.headers.get('etag')! } })).status).toBe(304);
      expect((await night.app.request(`/embed/elections/${e}/contests/nope`)).status).toBe(404);
    });

    it('says when the council widget was last updated, and carries the sizing script', async () => {
      const night = await medwayNight(open);
      await night.declareWard('All Saints');
      const { updatedAt } = (await night.getJson(`/api/v1/elections/${encodeURIComponent(night.def.id)}`)).body;
      const html = await (await night.app.request(`/embed/elections/${encodeURIComponent(night.def.id)}`)).text();
      expect(html).toContain(`Last updated <time datetime="${updatedAt}">${londonDateTime(updatedAt)}</time>`);
      expect(html).toContain('<script src="/static/embed-frame.js" defer=""></script>');
    });

    it("gives newsrooms a snippet on the results page, at the site's public address, with a hostile name escaped", async () => {
      const night = await medwayNight(open, { publicUrl: 'https://results.example.gov.uk' });
      await night.db.update(elections).set({ name: hostileName }).where(eq(elections.id, night.def.id));
      const e = encodeURIComponent(night.def.id);
      const html = await (await night.app.request(`https://results.example.gov.uk/elections/${e}`)).text();
      const code = unescapeHtml(html.match(/<pre><code>([\s\S]*?)<\/code><\/pre>/)![1]!);
      const [iframe, script] = code.split(/\n(?=<script )/);
      expect(iframe).toMatch(new RegExp(`^<iframe src="https://results\\.example\\.gov\\.uk/embed/elections/${e.replace(/\./g, '\\.')}" title="[^"]*: live results" width="100%" height="1100" style="border:0" loading="lazy"></iframe>$`));
      expect(script).toBe(`<script src="https://results.example.gov.uk/static/embed.js" integrity="${embedScriptIntegrity}" crossorigin="anonymous" async=""></script>`);
      // Pasted into a page, the name stays inside the title attribute.
      expect(iframe).toContain('&quot;Bob&quot;');
      expect(iframe).not.toContain('<img');
      // Never the address a request names: the page is kept by caches for everyone.
      const elsewhere = await (await night.app.request(`http://attacker.example/elections/${e}`)).text();
      expect(elsewhere).toContain('https://results.example.gov.uk/embed/elections/');
      expect(elsewhere).not.toContain('attacker.example');
    });
  });
}

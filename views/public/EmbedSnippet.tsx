// The copy-paste snippet for newsrooms, shown on the results page: the widget's iframe and
// our small sizing script (/static/embed.js) with its SRI hash. EmbedCode is the snippet
// itself, rendered by JSX (so a name with quotes or markup is escaped in it as in any page),
// and EmbedSnippet shows that text for copying.

/**
 * Heights that fit the widget's content at 320 to 640 px wide with every Medway ward
 * declared, for pages that do not load the script (with it, the frame takes the content's
 * exact height). Measured in Chromium by test/browser/embed.test.ts, which fails when they
 * stop fitting: the council widget up to 707 px at 320 wide (the latest declarations'
 * wording varies), 603 at 640, and with three updates from the count up to 1,081 px at 320
 * (three of 280 characters; 1,035 with typical ones), 963 at 640: the snippet's height is
 * for a night with updates, so none is cut off. A three-seat ward with ten candidates (one
 * with a long name) 1058 at 320, 733 at 640.
 */
export const embedDefaultHeight = { election: 1100, contest: 1070 } as const;

export interface EmbedCodeProps {
  /** The widget's absolute address. */
  src: string;
  /** The sizing script's absolute address, and its SRI hash. */
  script: string;
  integrity: string;
  title: string;
  height: number;
}

export function EmbedCode({ src, script, integrity, title, height }: EmbedCodeProps) {
  return (
    <>
      <iframe src={src} title={title} width="100%" height={String(height)} style="border:0" loading="lazy"></iframe>
      {'\n'}
      <script src={script} integrity={integrity} crossorigin="anonymous" async></script>
    </>
  );
}

export function EmbedSnippet({ code }: { code: string }) {
  return (
    <section class="embed-snippet" aria-labelledby="embed-heading">
      <h2 id="embed-heading">Put these results on your site</h2>
      <p class="muted">
        Newsrooms: paste this into a live blog. The widget updates itself, and the script sizes its frame to fit.
      </p>
      <pre><code>{code}</code></pre>
    </section>
  );
}

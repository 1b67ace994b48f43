// /static/embed.js: the few lines a newsroom's page loads (with its SRI hash, see README)
// next to our widget's iframe. It listens for the height our widget reports
// (views/client/embedFrame.ts) and sets that iframe's height to it. It listens only to
// frames from the origin it was itself loaded from, resizes only the iframe the message
// came from, and does nothing else to the page.
import { heightMessage } from './embedMessage';

/** Past this, a height is not a widget's: ignored rather than obeyed. */
const tallest = 5000;

function sizeOurFrames(ourOrigin: string) {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== ourOrigin) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== heightMessage || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height <= tallest)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
}

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) sizeOurFrames(new URL(script.src).origin);

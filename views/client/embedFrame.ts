// Runs inside the widget (/embed/...), framed by a newsroom's live blog: tells the page
// around it how tall the widget is, whenever that changes (a declaration arrives, the
// frame is narrowed, fonts load), so the host's copy of /static/embed.js can size the
// iframe to fit and nothing is clipped. Height only: nothing else leaves the frame.
import { heightMessage } from './embedMessage';

function tellHostTheHeight() {
  let last = -1;
  const tell = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Any origin may embed the widget, and a height is no secret: '*' is the honest target.
    window.parent.postMessage({ type: heightMessage, height }, '*');
  };
  new ResizeObserver(tell).observe(document.documentElement);
  window.addEventListener('load', tell);
  tell();
}

if (window.parent !== window) tellHostTheHeight();

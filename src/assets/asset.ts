// A static file held in memory, rendered once: its bytes, the same bytes gzipped and a
// validator, like the cached pages (src/http/rendered.ts), and served the same way.
import { prepare, type Rendered } from '../http/rendered';

export interface Asset extends Rendered {
  /** The text itself, for writing the file out for Workers (src/assets/build.ts). */
  text: string;
  type: string;
}

export async function assetOf(text: string, type: string): Promise<Asset> {
  return { ...(await prepare(text)), text, type };
}

/**
 * The script newsrooms load on their own pages to size the widget's iframe: loaded from
 * another origin with an SRI hash, so it is sent with CORS (a browser checks the hash of a
 * cross-origin script only when it may read it).
 */
export const embedHostScript = '/static/embed.js';

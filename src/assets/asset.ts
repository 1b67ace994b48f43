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

// A static file held in memory with its validator, ready to serve.
import { hashToken } from '../auth/secrets';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

export async function assetOf(body: string, type: string): Promise<Asset> {
  return { body, type, etag: `"${(await hashToken(body)).slice(0, 16)}"` };
}

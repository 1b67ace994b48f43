// Password hashing with PBKDF2-SHA256 through WebCrypto: slow on purpose, and available on
// Workers, where 100,000 iterations is the most the runtime allows.
import { base64url, equalInConstantTime } from './secrets';

const iterations = 100_000;
const scheme = 'pbkdf2-sha256';

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, rounds: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: rounds }, key, 256);
  return base64url(new Uint8Array(bits));
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** "pbkdf2-sha256$100000$<salt>$<hash>": the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${scheme}$${iterations}$${base64url(salt)}$${await derive(password, salt, iterations)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, rounds, salt, hash] = stored.split('$');
  if (kind !== scheme || !rounds || !salt || !hash) return false;
  return equalInConstantTime(await derive(password, fromBase64url(salt), Number(rounds)), hash);
}

/** A password to print once at the CLI: 20 characters from 120 random bits. */
export function generatePassword(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(15)));
}

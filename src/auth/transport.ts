// Whether a sign-in cookie can reach this browser. Sessions use `__Host-` cookies, which a
// browser keeps only when they are Secure, and it takes a Secure cookie only over HTTPS (or
// from localhost). A council rehearsing on its own Wi-Fi reaches the server at a plain
// http://192.168.x address, where the right password used to end on an empty sign-in form
// with no word of why. Now that is either refused with a reason, or, when the council has
// said so (ALLOW_HTTP_LOGIN=on), signed in with plain cookies under a loud banner.

export type Transport =
  /** HTTPS, or localhost: the hardened cookies work. */
  | 'secure'
  /** Plain HTTP on another address, allowed for a rehearsal: plain cookies, with a banner. */
  | 'plain-allowed'
  /** Plain HTTP on another address, not allowed: sign-in is refused with the reason. */
  | 'plain-refused';

// Browsers treat these as secure contexts and keep Secure cookies from them over HTTP.
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * What reaches the browser for `requestUrl`. Behind a proxy that ends TLS the server sees
 * http://, so a request to the PUBLIC_URL's own host counts as that address's scheme.
 */
export function transportOf(requestUrl: string, publicOrigin: string | null, allowPlainHttp: boolean): Transport {
  const url = new URL(requestUrl);
  if (url.protocol === 'https:' || loopbackHost.test(url.hostname)) return 'secure';
  if (publicOrigin) {
    const site = new URL(publicOrigin);
    if (site.protocol === 'https:' && site.host === url.host) return 'secure';
  }
  return allowPlainHttp ? 'plain-allowed' : 'plain-refused';
}

/** The cookies a session uses over this transport. */
export function sessionCookies(transport: Transport) {
  const secure = transport === 'secure';
  return {
    session: secure ? '__Host-declare_session' : 'declare_session',
    // A browser this account has signed in on before (see src/auth/signInThrottle.ts).
    device: secure ? '__Host-declare_device' : 'declare_device',
    options: { path: '/', secure, httpOnly: true, sameSite: 'Lax' } as const,
  };
}

/** Said on the sign-in page when plain HTTP is refused: why, and what to do. */
export const plainHttpRefused =
  'This address uses plain HTTP, so your phone would not keep the sign-in. Use the HTTPS address of the site. ' +
  "To rehearse on the council's own Wi-Fi without HTTPS, the person running Declare can start it with ALLOW_HTTP_LOGIN=on.";

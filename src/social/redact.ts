// Defence in depth for "secrets are never shown or logged": whatever a platform or a
// library puts in an error message, the configured secrets are blanked out before it is
// stored (and shown to admins) or logged.
import type { ChannelConfig } from './config';

const secretFields = ['appKey', 'appSecret', 'accessToken', 'accessSecret', 'appPassword', 'token', 'pageToken', 'secret'] as const;

export function secretsOf(channels: ChannelConfig[]): string[] {
  const values = channels.flatMap((c) => secretFields.map((f) => (c as Record<string, unknown>)[f]).filter((v): v is string => typeof v === 'string'));
  // Very short values would blank ordinary words; credentials are never that short.
  return [...new Set(values)].filter((v) => v.length >= 6);
}

export function redactor(secrets: string[]): (text: string) => string {
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[secret]'), text);
}

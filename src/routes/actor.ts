// Who made a change and from which request, for the audit log.
import type { Context } from 'hono';
import type { Actor } from '../../db/audit';
import type { AppEnv } from '../env';

export function actorOf(c: Context<AppEnv>): Actor {
  return {
    userId: c.var.viewer?.user.id ?? null,
    requestId: c.var.requestId,
    ip: c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  };
}

// Types of the receiver example, for Declare's tests that run it (TypeScript does not read
// the .mjs itself).
import type { IncomingHttpHeaders, Server } from 'node:http';

export function checkSignature(secret: string, headers: IncomingHttpHeaders, body: string, nowSeconds?: number): string | null;

export function createReceiver(options: { secret: string; handle: (delivery: any) => unknown }): Server;

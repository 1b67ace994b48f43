// The demo night: Medway Council 2023 (candidates, seats and electorate; no results), loaded
// into an empty database so `npm start` has something to show.
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client';
import { listElections } from '../db/results';
import { importElection } from './setup/importElection';
import { readDefinition } from './setup/readDefinition';

export const demoFile = new URL('../db/demo/medway-2023.json', import.meta.url);

/** Loads the demo election when the database has no election at all; returns its id if it did. */
export async function loadDemoIfEmpty(db: Db): Promise<string | null> {
  if ((await listElections(db)).length > 0) return null;
  const definition = readDefinition(readFileSync(demoFile, 'utf8'));
  await importElection(db, definition);
  return definition.id;
}

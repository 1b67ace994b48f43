// Results saved on this phone and not yet sent. Kept in IndexedDB, written with strict
// durability: the write is flushed to disk before it reports complete, and it is read back
// before the officer is told "Saved". (localStorage, used before, is written to disk lazily:
// an entry saved up to 4 s before the browser was killed was gone on relaunch.) Each entry
// keeps the Idempotency-Key it was made with, so sending it any number of times publishes it once.
import type { DeclarationSubmission } from '../../src/declare/submission';

export interface PendingDeclaration {
  contestId: string;
  contestName: string;
  key: string;
  submission: DeclarationSubmission;
  savedAt: string;
  /** A second officer's entry of a result awaiting confirmation: sent to the confirm address. */
  confirming?: boolean;
  /** Why the last attempt did not go through, for the officer. */
  lastProblem?: string;
}

const databaseName = 'declare-officer';
const storeName = 'pending';
/** Where the earlier version of this script kept entries: moved over on first open. */
const legacyKey = 'declare:pending:v1';

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(databaseName, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'key' });
  return requested(request);
}

/** Runs `work` in one transaction; resolves once it is durably committed, with work's answer. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await database();
  const tx = db.transaction(storeName, mode, { durability: 'strict' });
  const request = work(tx.objectStore(storeName));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The phone could not save this.'));
  });
}

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= openDatabase().then(async (db) => {
    const legacy = readLegacy();
    if (legacy.length) {
      const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' });
      for (const entry of legacy) tx.objectStore(storeName).put(entry);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      localStorage.removeItem(legacyKey);
    }
    return db;
  });
  return opened;
}

function readLegacy(): PendingDeclaration[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(legacyKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingDeclaration[]) : [];
  } catch {
    return [];
  }
}

/** Everything waiting to be sent, oldest first. */
export async function readPending(): Promise<PendingDeclaration[]> {
  const all = (await inTransaction('readonly', (store) => store.getAll() as IDBRequest<PendingDeclaration[]>)) ?? [];
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Adds or replaces (by key) an entry; throws unless it can be read back after the commit. */
export async function savePending(entry: PendingDeclaration): Promise<void> {
  await inTransaction('readwrite', (store) => store.put(entry));
  const stored = await inTransaction('readonly', (store) => store.get(entry.key) as IDBRequest<PendingDeclaration | undefined>);
  if (!stored) throw new Error('The phone did not keep this result.');
}

export async function removePending(key: string): Promise<void> {
  await inTransaction('readwrite', (store) => store.delete(key));
}

export async function notePendingProblem(key: string, problem: string): Promise<void> {
  await inTransaction('readwrite', (store) => {
    const request = store.get(key) as IDBRequest<PendingDeclaration | undefined>;
    // Same transaction: a removal in between cannot be undone by this note.
    request.onsuccess = () => {
      if (request.result) store.put({ ...request.result, lastProblem: problem });
    };
  });
}

import { openSqlite } from '../../db/sqlite';
import { declarationRouteSuite } from './declarations.suite';

declarationRouteSuite('better-sqlite3', async () => openSqlite(':memory:').db);

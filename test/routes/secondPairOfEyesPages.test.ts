import { openSqlite } from '../../db/sqlite';
import { secondPairOfEyesPagesSuite } from './secondPairOfEyesPages.suite';

secondPairOfEyesPagesSuite('better-sqlite3', async () => openSqlite(':memory:').db);

import { openSqlite } from '../../db/sqlite';
import { secondPairOfEyesApiSuite } from './secondPairOfEyes.suite';

secondPairOfEyesApiSuite('better-sqlite3', async () => openSqlite(':memory:').db);

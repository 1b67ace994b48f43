import { openSqlite } from '../../db/sqlite';
import { textRefusalsSuite, textRulesSuite } from './textRules.suite';

textRulesSuite('better-sqlite3', async () => openSqlite(':memory:').db);
textRefusalsSuite('better-sqlite3', async () => openSqlite(':memory:').db);

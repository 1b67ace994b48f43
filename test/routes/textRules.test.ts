import { openSqlite } from '../../db/sqlite';
import { textRulesSuite } from './textRules.suite';

textRulesSuite('better-sqlite3', async () => openSqlite(':memory:').db);

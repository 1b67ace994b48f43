// The route suites on D1 inside workerd: the same HTTP behaviour as on better-sqlite3.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { accountsSuite } from './accounts.suite';
import { publicApiSuite } from './api.suite';
import { authSuite } from './auth.suite';
import { countProgressSuite } from './countProgress.suite';
import { plainHttpSuite } from './plainHttp.suite';
import { declarationRouteSuite } from './declarations.suite';
import { feedsSuite } from './feeds.suite';
import { healthSuite } from './health.suite';
import { limitsSuite } from './limits.suite';
import { officerFormSuite } from './officer.suite';
import { openDataSuite } from './openData.suite';
import { resultsPagesSuite } from './results.suite';
import { subscribersSuite } from './subscribers.suite';
import { textRulesSuite } from './textRules.suite';
import { updatesRouteSuite } from './updates.suite';
import { widgetSuite } from './widget.suite';

const open = async () => drizzle(env.DB, { schema });

publicApiSuite('d1', open);
declarationRouteSuite('d1', open);
authSuite('d1', open);
plainHttpSuite('d1', open);
accountsSuite('d1', open);
officerFormSuite('d1', open);
resultsPagesSuite('d1', open);
feedsSuite('d1', open);
healthSuite('d1', open);
countProgressSuite('d1', open);
openDataSuite('d1', open);
widgetSuite('d1', open);
limitsSuite('d1', open);
textRulesSuite('d1', open);
subscribersSuite('d1', open);
updatesRouteSuite('d1', open);

// The route suites on D1 inside workerd: the same HTTP behaviour as on better-sqlite3.
// Not here, run on better-sqlite3 only, because the driver cannot change what they check:
// widget.suite.ts (HTML, escaping and UK times of pages built from the same snapshot that
// results.suite.ts reads from D1), plainHttp.suite.ts (cookie flags and the plain-HTTP
// refusal, whose sign-in is auth.suite.ts's on D1) and textRefusalsSuite (text refused
// before anything is written). limits.suite.ts stays: the body limits depend on workerd's
// own request streams.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { accountsSuite } from './accounts.suite';
import { adminElectionsSuite } from './adminElections.suite';
import { publicApiSuite } from './api.suite';
import { rehearsalSuite } from './rehearsal.suite';
import { auditSuite } from './audit.suite';
import { authSuite } from './auth.suite';
import { countProgressSuite } from './countProgress.suite';
import { currentElectionSuite } from './currentElection.suite';
import { definitionEditSuite } from './definitionEdit.suite';
import { declarationRouteSuite } from './declarations.suite';
import { exportSuite } from './export.suite';
import { feedsSuite } from './feeds.suite';
import { healthSuite } from './health.suite';
import { limitsSuite } from './limits.suite';
import { officerFormSuite } from './officer.suite';
import { openDataSuite } from './openData.suite';
import { resultsPagesSuite } from './results.suite';
import { secondPairOfEyesApiSuite } from './secondPairOfEyes.suite';
import { secondPairOfEyesPagesSuite } from './secondPairOfEyesPages.suite';
import { subscribersSuite } from './subscribers.suite';
import { textRulesSuite } from './textRules.suite';
import { updatesRouteSuite } from './updates.suite';

const open = async () => drizzle(env.DB, { schema });

publicApiSuite('d1', open);
declarationRouteSuite('d1', open);
authSuite('d1', open);
accountsSuite('d1', open);
auditSuite('d1', open);
officerFormSuite('d1', open);
resultsPagesSuite('d1', open);
feedsSuite('d1', open);
healthSuite('d1', open);
countProgressSuite('d1', open);
adminElectionsSuite('d1', open);
definitionEditSuite('d1', open);
currentElectionSuite('d1', open);
rehearsalSuite('d1', open);
openDataSuite('d1', open);
limitsSuite('d1', open);
textRulesSuite('d1', open);
subscribersSuite('d1', open);
secondPairOfEyesApiSuite('d1', open);
secondPairOfEyesPagesSuite('d1', open);
exportSuite('d1', open, async () => drizzle(env.REPLAY_DB, { schema }));
updatesRouteSuite('d1', open);

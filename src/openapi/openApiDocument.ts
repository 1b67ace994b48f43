// The OpenAPI 3.1 description of the public JSON API, the feeds and exports, and the write
// API, served at /api/v1/openapi.json. Every JSON body in it is generated from the zod
// schemas the code itself uses: request bodies from the ones declarations are validated
// with (src/declare/submission.ts), answers from the ones the public JSON's types are
// inferred from (src/results/publicSchemas.ts). Nothing here repeats a shape by hand.
import { z } from 'zod';
import { declarationSubmission, statusSubmission } from '../declare/submission';
import { publicJsonSchemas } from '../results/publicSchemas';
import { correctionSubmission, newUpdateSubmission } from '../updates/submission';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A zod schema as OpenAPI 3.1 wants it (JSON Schema 2020-12, without the document-level keys). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Json;
  return rest;
}

function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(publicJsonSchemas, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

const json = (schema: Json) => ({ 'application/json': { schema } });
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } } } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const electionId = { name: 'electionId', in: 'path', required: true, schema: { type: 'string' }, example: 'local.medway.2023-05-04' };
const contestId = { name: 'contestId', in: 'path', required: true, schema: { type: 'string' }, example: 'local.medway.all-saints.2023-05-04' };
const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag of the copy you have: an unchanged answer is a 304 with no body.' };

/** What every public GET answers besides its body: validators, caching, CORS. */
const cachedHeaders = {
  ETag: { description: 'A weak validator; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=5, s-maxage=5, stale-while-revalidate=30', schema: { type: 'string' } },
  'Access-Control-Allow-Origin': { description: 'Always *: readable from any origin.', schema: { type: 'string', const: '*' } },
};

function publicGet(summary: string, ok: Json, parameters: Json[] = [electionId], extra: Json = {}) {
  return {
    get: {
      summary,
      tags: ['open data'],
      parameters: [...parameters, ifNoneMatch],
      responses: {
        200: { headers: cachedHeaders, ...ok },
        304: { description: 'Unchanged since the ETag sent as If-None-Match.', headers: cachedHeaders },
        404: error('No election (or contest) with that id.'),
        ...extra,
      },
    },
  };
}

/** `target`: the path's own parameters (a contest, or an election and an update), and what a 404 means. */
interface WriteTarget {
  method?: 'post' | 'put';
  parameters: Json[];
  missing: string;
}

const toContest: WriteTarget = { parameters: [contestId], missing: 'No contest with that id.' };

function write(summary: string, body: z.ZodType, ok: Json, parameters: Json[], target: WriteTarget = toContest) {
  return {
    [target.method ?? 'post']: {
      summary,
      tags: ['write'],
      security: [{ bearer: [] }],
      parameters: [...target.parameters, ...parameters],
      requestBody: { required: true, content: json(jsonSchema(body, 'input')) },
      responses: {
        ...ok,
        401: error('No valid API token.'),
        404: error(target.missing),
        422: { description: 'Every problem with the submission, named by field.', content: json(ref('Problems')) },
      },
    },
  };
}

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  schema: { type: 'string', maxLength: 200 },
  description: 'A new random value per submission, the same on every retry of it: a retry gets the first answer back and changes nothing.',
};

const updateId = { name: 'updateId', in: 'path', required: true, schema: { type: 'string' }, description: 'The id the update was published under.' };
const toElection: WriteTarget = { parameters: [electionId], missing: 'No election with that id.' };
const toUpdate = (method: 'post' | 'put'): WriteTarget => ({ method, parameters: [electionId, updateId], missing: 'No election with that id, or no update with that id in it.' });
const updateAnswer = (description: string) => ({ description, content: json(ref('Update')) });

const since = {
  name: 'since',
  in: 'query',
  required: false,
  schema: { type: 'string', format: 'date-time' },
  description: 'Only the contests changed after this time (pass the updatedAt of your last answer).',
};
const badSince = { 400: error('`since` is not an ISO 8601 time with a time zone.') };
const electionAnswer = { description: 'The election; with `since`, only the contests changed after that time.', content: json({ oneOf: [ref('Election'), ref('ElectionChanges')] }) };

export function openApiDocument(): Json {
  const e = '/api/v1/elections/{electionId}';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Declare',
      version: '1',
      summary: "A council's election results on the night, as open data.",
      description:
        'Read-only open data (no login, CORS for any origin, an ETag on every answer: poll with If-None-Match) and the write API for count software (a bearer token).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'open data', description: 'Public, cacheable, readable from any origin.' },
      { name: 'write', description: 'For count software: a bearer token from `npm run cli -- token add <user>`.' },
    ],
    paths: {
      [e]: publicGet('The election as it stands: control, seats by party, every contest', electionAnswer, [electionId, since], badSince),
      '/api/v1/elections/current': publicGet(
        'The current election (the one the site’s home page shows), as `/api/v1/elections/{electionId}` answers for it; its `id` says which',
        electionAnswer,
        [since],
        badSince,
      ),
      [`${e}/contests/{contestId}`]: publicGet('One ward: the declaration as read out, and its corrections', { description: 'The contest.', content: json(ref('Contest')) }, [electionId, contestId]),
      [`${e}/declarations`]: publicGet('Every published version of every ward, newest first', { description: 'The declarations feed.', content: json(ref('Declarations')) }),
      [`${e}/declarations.atom`]: publicGet('The declarations feed as Atom', text('application/atom+xml', 'An Atom feed.')),
      [`${e}/results.csv`]: publicGet('Every candidate, one row each', text('text/csv', 'CSV; cells a spreadsheet would run are prefixed with an apostrophe.')),
      [`${e}/results-dc.csv`]: publicGet("Every candidate under Democracy Club's results column names", text('text/csv', "Democracy Club's results columns first, ours after.")),
      [`${e}/nist.json`]: publicGet('The election as NIST SP 1500-100 version 2 JSON', {
        description: 'An ElectionResults.ElectionReport.',
        content: json({ type: 'object', description: 'NIST SP 1500-100 v2 Election Results Reporting, JSON (see usnistgov/ElectionResultsReporting).' }),
      }),
      '/api/v1/openapi.json': { get: { summary: 'This document', tags: ['open data'], responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
      '/api/v1/contests/{contestId}/declaration': write(
        "Declare a ward's result, or correct it (with a reason)",
        declarationSubmission,
        {
          201: { description: 'Published: the contest as it now stands.', content: json(ref('Contest')) },
          202: {
            description: "With a second pair of eyes on for the election: kept, not public, until a different officer's matching entry (POST …/declaration/confirm). Sent again by the same officer, it replaces their entry.",
            content: json(ref('AwaitingConfirmation')),
          },
          409: error("The same Idempotency-Key with a different body, a version already declared, or another officer's entry awaiting confirmation (confirm it instead)."),
        },
        [idempotencyKey],
      ),
      '/api/v1/contests/{contestId}/declaration/confirm': write(
        "Confirm another officer's entry awaiting confirmation by entering the figures again, blind",
        declarationSubmission,
        {
          201: { description: 'Every figure matched: published, the contest as it now stands.', content: json(ref('Contest')) },
          403: error('You entered the entry awaiting confirmation: a different officer must confirm it.'),
          409: {
            description:
              'The entries differ (error "mismatch"): nothing is published, the differences are kept for both officers; or nothing is awaiting confirmation, or the same Idempotency-Key came with a different body.',
            content: json({ oneOf: [ref('EntriesDiffer'), ref('Error')] }),
          },
        },
        [idempotencyKey],
      ),
      '/api/v1/contests/{contestId}/declaration/pending': {
        get: {
          summary: 'The entry awaiting confirmation: its figures only to the officer who entered it, the differences to the two whose entries differ',
          tags: ['write'],
          security: [{ bearer: [] }],
          parameters: [contestId],
          responses: {
            200: { description: 'The entry awaiting confirmation.', content: json(ref('PendingEntry')) },
            401: error('No valid API token.'),
            404: error('No contest with that id, or nothing from it awaiting confirmation.'),
          },
        },
      },
      '/api/v1/contests/{contestId}/status': write('Set where the count has got', statusSubmission, { 200: { description: 'The new status.', content: json(ref('StatusAnswer')) } }, []),
      [`${e}/updates`]: write(
        'Publish an update from the count, optionally about one ward',
        newUpdateSubmission,
        {
          201: updateAnswer('Published: the update, version 1.'),
          409: error('The same Idempotency-Key with a different body.'),
        },
        [idempotencyKey],
        toElection,
      ),
      [`${e}/updates/{updateId}`]: write(
        "Correct an update's words: the next version (the same words again change nothing)",
        correctionSubmission,
        { 200: updateAnswer('The update as it now stands.'), 409: error('Someone else changed the update at the same moment.') },
        [],
        toUpdate('put'),
      ),
      [`${e}/updates/{updateId}/withdraw`]: write(
        'Withdraw an update: the next version, marked withdrawn (withdrawing again changes nothing)',
        z.object({}),
        { 200: updateAnswer('The update, withdrawn.') },
        [],
        toUpdate('post'),
      ),
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'declare_ followed by 43 URL-safe characters.' } },
    },
  };
}

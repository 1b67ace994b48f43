// A newsroom's receiver for Declare's pushed deliveries (README "Push to subscribers"),
// with nothing but Node's own node:http and node:crypto. It
//   1. checks the signature: HMAC-SHA256 of "<timestamp>.<body>" with the shared secret;
//   2. checks the timestamp is within 5 minutes, so a delivery copied off the wire cannot
//      be played back later;
//   3. processes each delivery id once: a delivery that may have reached you already (your
//      answer was lost) comes again with the same id, and is acknowledged, not redone.
// Answer 2xx once a delivery is safely yours; anything else and it is sent again later.
//
//   SUBSCRIBER_SECRET=<the secret> PORT=9000 node docs/examples/subscriber-receiver.mjs
//
// Declare's own tests run this file (test/social/subscribers.test.ts).
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

const toleranceSeconds = 5 * 60;

/** Why a request is not a genuine, fresh delivery; null when it is. */
export function checkSignature(secret, headers, body, nowSeconds = Date.now() / 1000) {
  const timestamp = headers['x-declare-timestamp'];
  const signature = headers['x-declare-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return 'not signed';
  const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const given = Buffer.from(signature);
  // Compared in constant time, so the answer's timing gives nothing away.
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return 'bad signature';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'stale timestamp';
  return null;
}

/**
 * An HTTP server that hands each genuine delivery to `handle(delivery)` once. If `handle`
 * throws, the answer is a 500 and Declare sends the delivery again later.
 */
export function createReceiver({ secret, handle }) {
  // Keep these in your database, written in the same transaction as what `handle` did:
  // in memory they are forgotten at a restart.
  const processed = new Set();
  const inProgress = new Set();
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const answer = (status, text) => res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
      const body = Buffer.concat(chunks).toString('utf8');
      const problem = checkSignature(secret, req.headers, body);
      if (problem) return answer(401, problem);
      const id = req.headers['x-declare-delivery'];
      let delivery;
      try {
        delivery = JSON.parse(body);
      } catch {
        return answer(400, 'not JSON');
      }
      if (delivery.deliveryId !== id) return answer(400, 'delivery id differs in header and body');
      if (processed.has(id)) return answer(200, 'already had it');
      // The same delivery again while the first is still being handled: come back later.
      if (inProgress.has(id)) return answer(503, 'still handling it');
      inProgress.add(id);
      try {
        await handle(delivery);
        processed.add(id);
        answer(200, 'ok');
      } catch {
        answer(500, 'could not take it now');
      } finally {
        inProgress.delete(id);
      }
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const secret = process.env.SUBSCRIBER_SECRET;
  if (!secret) {
    console.error('Set SUBSCRIBER_SECRET to the secret the council gave you.');
    process.exit(1);
  }
  const port = Number(process.env.PORT || 9000);
  const receiver = createReceiver({
    secret,
    // Names are as the council typed them: JSON.stringify keeps them on one line in your log.
    // A result carries `contest`; an update from the count carries `update` instead.
    handle: (d) => {
      const about = d.contest ? `${JSON.stringify(d.contest.name)} version ${d.contest.version}` : `${JSON.stringify(d.update.text)} version ${d.update.version}`;
      console.log(`${d.event}: ${about}, ${d.url}`);
    },
  });
  receiver.listen(port, () => console.log(`Receiving Declare deliveries on port ${port}`));
}

// One page under load, with every response's time kept: p95 is read from the whole run, not estimated from
// autocannon's own percentile table (which has p90 and p97.5 but no p95). Used by web-load.sh.
// usage: AC=<autocannon module folder> node load-p95.js URL COOKIE SECONDS CONNECTIONS
const autocannon = require(process.env.AC);
const [url, cookie, seconds, connections] = process.argv.slice(2);
const times = [];
const run = autocannon({ url, connections: +connections, duration: +seconds, headers: { Cookie: cookie } }, (err, result) => {
  if (err) throw err;
  times.sort((a, b) => a - b);
  const at = q => times.length === 0 ? null : Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
  console.log(JSON.stringify({
    responses: times.length, requestsPerSecond: result.requests.average, errors: result.errors + result.timeouts + result.non2xx,
    p50: at(0.5), p90: at(0.9), p95: at(0.95), p97_5: at(0.975), p99: at(0.99),
  }));
});
run.on('response', (client, status, bytes, responseTime) => times.push(responseTime));

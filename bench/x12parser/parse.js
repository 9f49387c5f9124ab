// Streams one 835 file through the npm package x12-parser (1.3.0) and prints its throughput.
// x12-parser only tokenises (one object per segment, no mapping to a remittance model), so this
// is a generous baseline for our reader, which also maps claims, lines and adjustments.
// usage: node parse.js FILE [RUNS]   (x12-parser resolved through NODE_PATH)
'use strict';
const fs = require('node:fs');
const { X12parser } = require('x12-parser');

const file = process.argv[2];
const runs = Number(process.argv[3] || 3);
const bytes = fs.statSync(file).size;

function once() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    let segments = 0;
    const parser = new X12parser();
    parser.on('error', reject);
    fs.createReadStream(file)
      .on('error', reject)
      .pipe(parser)
      .on('data', () => { segments++; })
      .on('end', () => {
        const cpu = process.cpuUsage(cpuStart);
        resolve({ seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, segments });
      });
  });
}

(async () => {
  const rates = [];
  const cpuRates = [];
  let segments = 0;
  for (let i = 0; i < runs; i++) {
    const r = await once();
    segments = r.segments;
    rates.push(bytes / 1048576 / r.seconds);
    cpuRates.push(bytes / 1048576 / r.cpuSeconds);
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  const best = rates[rates.length - 1];
  const median = rates[Math.floor(rates.length / 2)];
  const cpuBest = cpuRates[cpuRates.length - 1];
  const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)];
  console.log(`X12PARSER best=${best.toFixed(2)} median=${median.toFixed(2)} cpu_best=${cpuBest.toFixed(2)} cpu_median=${cpuMedian.toFixed(2)} segments=${segments}`);
})().catch((err) => { console.error(err); process.exit(1); });

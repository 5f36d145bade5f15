// The partner widgets' benchmark (issue 14), run by .ci/bench after the
// page's: what a partner page pays for each kind of widget and how soon it
// is interactive. Prints figures, asserts nothing (the size budgets are
// deterministic tests: tests/e2e/tests/budget.rs).
//
//   node .ci/bench-embed.mjs <app origin> <runs>
//
// For each kind, a partner page on a second origin (served here, on
// 127.0.0.1) holds the README's snippet with that one widget. Each run
// opens it in a fresh browser context (nothing cached) with Lighthouse's
// mobile throttling applied through DevTools (150 ms RTT, 1.6 Mbit/s down,
// 4x CPU) and records:
//   download  bytes over the wire from the app's origin (loader,
//             stylesheet, module, wasm, form-config.json)
//   ready     time from navigation start to the widget's `aa-widget-ready`
//             event: mounted and answering input (median of the runs)
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (p) => import(pathToFileURL(path.join(process.env.TOOLS_NODE_MODULES, p)).href);
const { default: puppeteer } = await load('puppeteer-core/lib/esm/puppeteer/puppeteer-core.js');

const [app, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const KINDS = ['insurance-checker', 'faq', 'contact-form', 'book-offer', 'call-us'];
// Issue 14's budgets, per partner page (brotli).
// `call-us` has none but needing no wasm at all.
const BUDGET_KIB = { 'insurance-checker': 120, faq: 120, 'contact-form': 220, 'book-offer': 220 };

const partnerPage = (kind) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page: ${kind}</title>
<script>
window.__ready = new Promise((resolve) => {
  for (const type of ['aa-widget-ready', 'aa-widget-failed'])
    document.addEventListener(type, (event) => resolve({ type, at: performance.now() }));
});
</script>
<script async src="${app}/embed.js"></script>
</head><body><h1>A partner's page</h1>
<div data-aa-widget="${kind}"><p>Fallback: call <a href="tel:+19497633440">(949) 763-3440</a>.</p></div>
</body></html>`;

const server = http.createServer((request, response) => {
  const kind = decodeURIComponent(request.url.slice(1));
  if (!KINDS.includes(kind)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(partnerPage(kind));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const partner = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new'],
});

async function once(kind) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const urls = new Map();
  let bytes = 0;
  let wasm = 0;
  // The bodies as sent (brotli), without the HTTP headers: what the
  // budgets count. loadingFinished's total includes the response head,
  // which responseReceived reports.
  const heads = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => heads.set(e.requestId, e.response.encodedDataLength));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) || '';
    if (!url.startsWith(app)) return;
    bytes += e.encodedDataLength - (heads.get(e.requestId) || 0);
    if (url.endsWith('.wasm')) wasm += 1;
  });
  await page.goto(`${partner}/${kind}`, { waitUntil: 'domcontentloaded' });
  const outcome = await page.evaluate(() =>
    Promise.race([window.__ready, new Promise((r) => setTimeout(() => r({ type: 'timeout' }), 60000))]));
  // Let the last response finish counting.
  await new Promise((r) => setTimeout(r, 300));
  await context.close();
  return { ...outcome, bytes, wasm };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = new Map(KINDS.map((k) => [k, []]));
for (let run = 0; run < runs; run += 1) {
  for (const kind of KINDS) results.get(kind).push(await once(kind));
}
await browser.close();
server.close();

console.log(`\nPartner widgets: one widget per partner page (${partner}), app at ${app}; ${runs} runs each,`);
console.log('fresh context, 150 ms RTT, 1.6 Mbit/s, 4x CPU. download: the bodies from the app, as sent (brotli);');
console.log('ready: navigation start to aa-widget-ready, median (min-max).\n');
const rows = [['kind', 'download', 'budget', 'wasm files', 'ready', 'failed']];
for (const kind of KINDS) {
  const samples = results.get(kind);
  const ok = samples.filter((s) => s.type === 'aa-widget-ready');
  const at = ok.map((s) => s.at);
  const kib = median(samples.map((s) => s.bytes)) / 1024;
  rows.push([
    kind,
    `${kib.toFixed(1)} KiB`,
    BUDGET_KIB[kind]
      ? `${kib <= BUDGET_KIB[kind] ? 'met' : 'MISSED'} (<= ${BUDGET_KIB[kind]})`
      : `${samples.every((s) => s.wasm === 0) ? 'met' : 'MISSED'} (no wasm)`,
    String(median(samples.map((s) => s.wasm))),
    at.length ? `${Math.round(median(at))} ms (${Math.round(Math.min(...at))}-${Math.round(Math.max(...at))})` : '-',
    `${samples.length - ok.length}/${samples.length}`,
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath } from './browser-bench.ts';
import type { Target } from './gateway-measures.ts';
import type { Metrics } from './report.ts';
import { median } from './stats.ts';

/** Issue 13's bar for a first screen: the desktop preset's performance score and its largest paint. */
const SCORE_TARGET = 98;
const LCP_TARGET_MS = 800;

interface Audit {
  score: number;
  lcpMs: number;
  unusedJsKb: number;
  tbtMs: number;
}

/**
 * One audit of `url` with Lighthouse's desktop preset, performance only, in a Chromium launched for it
 * (a fresh profile: a first visit). Lighthouse drives its own browser over the DevTools protocol, so it
 * does not share Playwright's.
 */
async function audit(url: string): Promise<Audit> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    if (score == null) throw new Error(`Lighthouse on ${url}: no performance score (${lhr.runWarnings.join('; ')})`);
    const unused = lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined;
    return {
      score: score * 100,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      unusedJsKb: (unused?.overallSavingsBytes ?? 0) / 1024,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    };
  } finally {
    chrome.kill();
  }
}

/**
 * Audits the datasets page and an evaluation's page `runs` times each and reports the median score and
 * largest contentful paint beside the targets (Lighthouse's own figures vary run to run by a few points).
 */
export async function runLighthouse(t: Target, runs: number, metrics: Metrics): Promise<void> {
  const gw = encodeURIComponent(t.gatewayId);
  const evaluations = (await t.client.get<{ id: string; processed: boolean }[]>(`/api/gateways/${gw}/evaluations?per_page=100`)).result;
  const finished = evaluations.filter((e) => e.processed).at(-1);
  const pages: { label: string; path: string }[] = [{ label: 'datasets page', path: `/gateways/${gw}/datasets` }];
  if (finished) pages.push({ label: 'evaluation page', path: `/gateways/${gw}/evaluations/${encodeURIComponent(finished.id)}` });
  for (const { label, path } of pages) {
    console.log(`lighthouse: ${label} ×${runs}…`);
    const audits: Audit[] = [];
    for (let i = 0; i < runs; i++) audits.push(await audit(t.client.baseUrl + path));
    const m = (k: keyof Audit) => median(audits.map((a) => a[k]));
    const note = `median of ${runs}, desktop preset; scores ${audits.map((a) => a.score.toFixed(0)).join(', ')}; total blocking time ${m('tbtMs').toFixed(0)} ms; unused JS ${m('unusedJsKb').toFixed(0)} KiB`;
    metrics.add({ name: `lighthouse: ${label} performance score`, value: m('score'), unit: 'score', better: 'higher', target: SCORE_TARGET, note });
    metrics.add({ name: `lighthouse: ${label} largest contentful paint`, value: m('lcpMs'), unit: 'ms', target: LCP_TARGET_MS });
  }
}

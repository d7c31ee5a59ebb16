// Shared helpers for browser benchmarks (see bench/run.mjs and ARCHITECTURE.md "Benchmarks").
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { DEV_TOKENS } from '../scripts/lib/tokens.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Debian's Chromium, headless, with `performance.memory` precise enough for heap figures. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/** A page signed in with the dev admin token. */
export async function adminPage(browser, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((t) => sessionStorage.setItem('gastown-admin.token', t), DEV_TOKENS.admin);
  return context.newPage();
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index] * 100) / 100;
}

/** Starts a command and resolves once `url` answers; returns a stop function. */
export async function startServer(command, args, url, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited early:\n${log.slice(-2000)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
}

/** The built app on MSW (scenario towns generated in the browser's service worker). */
export async function startMockApp(port = 4300) {
  const { execFileSync } = await import('node:child_process');
  execFileSync('npx', ['vite', 'build', '--mode', 'mock', '--outDir', 'dist-bench'], { stdio: 'ignore' });
  const stop = await startServer(
    'npx',
    ['vite', 'preview', '--mode', 'mock', '--outDir', 'dist-bench', '--host', '127.0.0.1', '--strictPort', '--port', String(port)],
    `http://127.0.0.1:${port}/`,
  );
  return { baseURL: `http://127.0.0.1:${port}`, stop };
}

/** Writes `bench/results/<name>.json`: flat numbers with units in the keys, plus machine and time. */
export function writeResult(name, figures) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const result = {
    ...figures,
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`,
    at: new Date().toISOString(),
  };
  writeFileSync(new URL(`./results/${name}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench/results/${name}.json`, result);
  return result;
}

/**
 * Runs `action` in the page while recording every animation frame's duration and the longest
 * main-thread task; returns { frame_p95_ms, longest_task_ms, frames }.
 */
export async function measureFrames(page, action) {
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__longest = 0;
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    });
    w.__observer.observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    w.__recording = true;
    requestAnimationFrame(tick);
  });
  await action();
  const { frames, longest } = await page.evaluate(() => {
    const w = window;
    w.__recording = false;
    w.__observer.disconnect();
    return { frames: w.__frames.slice(1), longest: w.__longest };
  });
  return { frame_p95_ms: percentile(frames, 95), longest_task_ms: Math.round(longest), frames: frames.length };
}

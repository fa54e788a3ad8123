// Debian's Chromium, headless, as every browser test starts it: no sandbox (root), no GPU, and no network but this
// machine's loopback, so nothing the page does can leave the machine (test tools never download a browser either).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

// Runs a scenario and prints its report as JSON on stdout whatever happens: work gets the browser and a function that
// names the page in use; a failure sets ok to false with the error and the end of that page's chat transcript.
export async function runScenario(report, work) {
  const browser = await launchChromium();
  let current = null;
  try {
    await work(browser, page => { current = page; });
    report.ok = true;
  } catch (error) {
    report.ok = false;
    report.error = String(error && error.stack || error);
    report.lastText = await current?.evaluate(() => document.getElementById('webchat').innerText.slice(-1500)).catch(() => null);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
}

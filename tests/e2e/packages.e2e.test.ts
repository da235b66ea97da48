// The store packages and the demo without a display, run as a listener or a reviewer would: `npm run zip` makes the
// Chrome and Firefox packages and the sources archive Firefox's store asks for; `npm run demo` on a machine with no
// display saves its screenshots and says what it found.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eUnavailable, gateE2e, repoRoot } from './harness';

const skip = gateE2e('Chromium', e2eUnavailable());
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const zipPath = (kind: string) => join(repoRoot, '.output', `earmark-${version}-${kind}.zip`);
/** The file names inside a zip (Info-ZIP's `unzip`, part of the machine's tools). */
const entries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
const entry = (zip: string, name: string) => execFileSync('unzip', ['-p', zip, name], { encoding: 'utf8' });

describe('store packages', () => {
  it('npm run zip makes both browsers’ packages, with icons, and a sources archive with what a rebuild needs', { timeout: 240_000 }, () => {
    for (const kind of ['chrome', 'firefox', 'sources']) rmSync(zipPath(kind), { force: true });
    execFileSync('npm', ['run', '--silent', 'zip'], { cwd: repoRoot, stdio: 'pipe' });
    const chrome = JSON.parse(entry(zipPath('chrome'), 'manifest.json')) as { manifest_version: number; icons: Record<string, string>; action: { default_icon: Record<string, string> } };
    expect(chrome.manifest_version).toBe(3);
    const chromeFiles = entries(zipPath('chrome'));
    for (const icon of [...Object.values(chrome.icons), ...Object.values(chrome.action.default_icon)]) expect(chromeFiles).toContain(icon);
    const firefox = JSON.parse(entry(zipPath('firefox'), 'manifest.json')) as { manifest_version: number; browser_action: { default_icon: Record<string, string> }; browser_specific_settings: { gecko: { id: string } } };
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    for (const icon of Object.values(firefox.browser_action.default_icon)) expect(entries(zipPath('firefox'))).toContain(icon);
    // What a reviewer needs to rebuild the Firefox package, and nothing built or installed.
    const sources = entries(zipPath('sources'));
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'assets/icon.svg', 'README.md']) expect(sources).toContain(needed);
    expect(sources.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(sources.filter((f) => /^(node_modules|\.output|\.wxt|\.scratch)\//.test(f))).toEqual([]);
  });
});

describe.skipIf(skip)('demo without a display', () => {
  it('saves a screenshot of each demo page and its popup, and prints what Earmark found', { timeout: 180_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'earmark-demo-out-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DEMO_OUT: out };
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      const run = spawnSync('npx', ['tsx', 'tests/e2e/demo.ts'], { cwd: repoRoot, env, encoding: 'utf8', timeout: 170_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(out);
      const shots = readdirSync(out).filter((f) => f.endsWith('.png'));
      for (const name of ['apple', 'youtube', 'overcast']) {
        expect(shots).toContain(`${name}-page.png`);
        expect(shots).toContain(`${name}-popup.png`);
        // Earmark ran there: the line for the page names the chapters it showed.
        expect(run.stdout).toMatch(new RegExp(`- ${name}: ready: [1-9]\\d* chapters in the panel`));
      }
      const png = readFileSync(join(out, 'overcast-page.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});


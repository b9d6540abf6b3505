// The systemd units Jaga ships (deploy/jaga.service) and documents (docs/backup.md's backup service and
// timer), checked by systemd's own reader: a misspelt or unknown directive is only a warning to
// systemd, which then runs the service without that protection.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
// Installed by the same document before the timer runs; not on a test machine.
const INSTALLED_LATER = /Command \/usr\/local\/bin\/jaga-backup-rotate is not executable/

/** Every unit: the shipped file, and each "`/etc/systemd/system/<name>`:" block of docs/backup.md. */
function units(dir: string): string[] {
  const files = [path.join(dir, 'jaga.service')]
  fs.copyFileSync(path.join(ROOT, 'deploy/jaga.service'), files[0]!)
  const doc = fs.readFileSync(path.join(ROOT, 'docs/backup.md'), 'utf8')
  for (const m of doc.matchAll(/`\/etc\/systemd\/system\/([\w.-]+)`:\n\n```ini\n([\s\S]*?)```/g)) {
    files.push(path.join(dir, m[1]!))
    fs.writeFileSync(files.at(-1)!, m[2]!)
  }
  return files
}

describe('the systemd units', () => {
  it('are read by systemd-analyze without a warning, and the server unit keeps its exposure low', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-units-'))
    const files = units(dir)
    expect(files.map((f) => path.basename(f))).toEqual(['jaga.service', 'jaga-backup.service', 'jaga-backup.timer'])
    for (const file of files) {
      const verify = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' })
      expect(verify.error, 'systemd-analyze (Debian package systemd) is needed').toBeUndefined()
      const complaints = `${verify.stdout}${verify.stderr}`.split('\n').filter((l) => l.trim() && !INSTALLED_LATER.test(l))
      expect(complaints, path.basename(file)).toEqual([])
    }
    // systemd's own score of the sandbox, 0 (locked down) to 10 (none); 1.6 when written (2026-12-02).
    const security = execFileSync('systemd-analyze', ['security', '--offline=true', files[0]!], { encoding: 'utf8' })
    const exposure = Number(/Overall exposure level for jaga\.service: ([\d.]+)/.exec(security)?.[1])
    expect(exposure).toBeGreaterThanOrEqual(0)
    expect(exposure).toBeLessThanOrEqual(2)
    fs.rmSync(dir, { recursive: true })
  })
})

// nginx serving one static file, for benchmarks that compare the server's resources with it.
// One worker, like Jaga's one Node.js process. Needs Debian's nginx (nginx-light).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** Serves `/page.html` (20 KB of HTML) from a fresh folder inside `parent`; waits until it answers. */
export async function startNginx(parent: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const bin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'
  const root = fs.mkdtempSync(path.join(parent, 'nginx-'))
  // nginx's worker runs as nobody when started by root: it must be able to read the file.
  for (const dir of [parent, root]) fs.chmodSync(dir, 0o755)
  fs.writeFileSync(path.join(root, 'page.html'), `<!doctype html><title>x</title>${'<p>Jaga</p>'.repeat(1800)}`)
  const port = await freePort()
  fs.writeFileSync(
    path.join(root, 'nginx.conf'),
    `daemon off; worker_processes 1; pid ${root}/nginx.pid; error_log ${root}/error.log warn;
events { worker_connections 1024; }
http { access_log off; types { text/html html; } gzip on;
  client_body_temp_path ${root}; proxy_temp_path ${root}; fastcgi_temp_path ${root}; uwsgi_temp_path ${root}; scgi_temp_path ${root};
  server { listen 127.0.0.1:${port}; root ${root}; } }\n`,
  )
  const child = spawn(bin, ['-c', path.join(root, 'nginx.conf'), '-p', root], { stdio: 'inherit' })
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    if (await fetch(`${url}/page.html`).then((r) => r.ok, () => false)) break
    if (tries > 100) {
      child.kill('SIGTERM')
      throw new Error('nginx did not serve page.html in 10 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') }
}

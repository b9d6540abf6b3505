// A bare node:http server answering fixed responses from memory: for each path, the very bytes and
// header list Jaga sent (bench/run.ts writes them to a manifest). It is the floor of what any code on
// node:http can do for a cached page on this machine, beside nginx: how much of the gap to nginx is
// Jaga's own code and how much is Node's HTTP stack. Usage: node static-node.mjs <manifest.json> <port>
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const answers = new Map(Object.entries(manifest).map(([url, a]) => [url, { head: a.head, body: fs.readFileSync(path.join(path.dirname(process.argv[2]), a.file)) }]))
http
  .createServer((req, res) => {
    const answer = answers.get(req.url)
    if (answer === undefined) return res.writeHead(404).end()
    res.writeHead(200, answer.head)
    res.end(answer.body)
  })
  .listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'))

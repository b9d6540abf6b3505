import net from 'node:net'

/**
 * A TCP relay in front of the server that counts what the server sends. Chromium's own figure for
 * the service worker's script leaves its body out; this one cannot miss anything (chunk framing included).
 */
export function countingRelay(target: URL): Promise<{ url: string; sent: () => number; close: () => void }> {
  let sent = 0
  const sockets = new Set<net.Socket>()
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname)
    sockets.add(client).add(upstream)
    upstream.on('data', (chunk: Buffer) => (sent += chunk.length))
    client.pipe(upstream).pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
  })
  return new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}`,
        sent: () => sent,
        close: () => {
          for (const s of sockets) s.destroy()
          relay.close()
        },
      }),
    ),
  )
}

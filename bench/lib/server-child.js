// The reference server as its own process: `node server-child.js '{"users":N,...}'`.
// Prints one JSON line { baseUrl, token, users } and serves until stdin closes.
const { startServer } = await import('../../dist/server/index.js');
const { users, groups, defects } = JSON.parse(process.argv[2] ?? '{}');
const server = await startServer({ port: 0, seed: { users, groups, defects } });
process.stdout.write(
  `${JSON.stringify({ baseUrl: server.baseUrl, token: server.token, users: server.store.count('User') })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => server.close().then(() => process.exit(0)));

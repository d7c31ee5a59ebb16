// `npm run seed:large`: add the benchmark town (10k beads, one agent with 1,000,000 SDK events) to the
// local state. Uses the running `npm start` server when there is one, else starts wrangler briefly.
import { emptyAssetsDir, isListening, seed, startWrangler } from './lib/wrangler.mjs';

const force = process.argv.includes('--force');
const running = await isListening(8787);
const server = running
  ? { base: 'http://127.0.0.1:8787', stop: async () => {} }
  : await startWrangler({ port: 8787, assets: emptyAssetsDir() });
try {
  console.log('Seeding the large town (this writes a million events; about half a minute)…');
  const world = await seed(server.base, { scope: 'world' });
  if (world.seeded) console.log(`Seeded the scenario towns first (${world.towns} towns).`);
  const result = await seed(server.base, { scope: 'large', force });
  console.log(
    result.seeded
      ? `Seeded the large town: ${result.events} SDK events in ${result.ms} ms.`
      : `The large town is already seeded (${result.previous.at}); --force reseeds it.`,
  );
} finally {
  await server.stop();
}

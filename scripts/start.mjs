// npm start: build the panel and serve it on the scenario towns.
// Until the reference worker serves the API, the scenario towns come from MSW in the browser.
import { execFileSync, spawn } from 'node:child_process';

const port = process.env.PORT ?? '8787';
execFileSync('npx', ['vite', 'build', '--mode', 'mock'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--mode', 'mock', '--host', '127.0.0.1', '--strictPort', '--port', port], { stdio: 'inherit' });
setTimeout(() => {
  console.log(`\nGastown Admin: http://127.0.0.1:${port}/#token=dev-admin-token`);
  console.log('Dev tokens: admin "dev-admin-token", non-admin "dev-support-token"\n');
}, 1500);
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));

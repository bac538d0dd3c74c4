// `npm run dev`: the server from the TypeScript sources, restarted by `tsx watch` when a file changes.
import { main } from './main.ts';

process.exitCode = await main(['start', ...process.argv.slice(2)]);

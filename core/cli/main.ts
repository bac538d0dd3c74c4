import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { commands, type Command } from './commands/index.ts';

function help(): string {
  const lines = ['Usage: npx forum <command> [options]', '', 'Commands:'];
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) {
    lines.push(`  ${c.name.padEnd(width)}  ${c.summary}`);
    if (c.usage !== c.name) lines.push(`  ${' '.repeat(width)}  npx forum ${c.usage}`);
  }
  lines.push('', 'Configuration comes from the environment (see .env.example).');
  return lines.join('\n');
}

function find(argv: string[]): { command: Command; rest: string[] } | undefined {
  // longest match first: "user create" before "user"
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(help());
    return 0;
  }
  const match = find(argv);
  if (!match) {
    console.error(`Unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    return await match.command.run(match.rest, config);
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\nUsage: npx forum ${match.command.usage}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

export class CliUsageError extends Error {}

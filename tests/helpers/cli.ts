/** Runs the built CLI (dist/) in a child process, as a user would, optionally killing it part-way. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `newskg build`; `killAt` sends SIGKILL after that many ms, or once `killWhen` says so (polled every 2 ms). */
export function newskg(args: string[], opts: { killAt?: number; killWhen?: () => boolean } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.killAt !== undefined ? setTimeout(() => child.kill('SIGKILL'), opts.killAt) : undefined;
    const poll = opts.killWhen ? setInterval(() => opts.killWhen!() && child.kill('SIGKILL'), 2) : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

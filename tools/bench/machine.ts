// What the figures were measured on: machine, runtime, library versions and the source revision.
import { cpus, availableParallelism, totalmem, platform, release, arch, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function packageVersion(name: string): string {
  try {
    const json: unknown = JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8'));
    return typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    return 'not installed';
  }
}

function gitRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+uncommitted` : head;
  } catch {
    return 'unknown';
  }
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  versions: Record<string, string>;
  revision: string;
  date: string;
  /** 1-minute load average when the run started: above the core count, other work shared the CPUs. */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    versions: Object.fromEntries(['compromise', 'neo4j-driver', 'tsx', 'zod'].map((n) => [n, packageVersion(n)])),
    revision: gitRevision(),
    date: new Date().toISOString(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

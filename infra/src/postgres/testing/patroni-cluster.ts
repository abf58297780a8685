import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ClusterNode {
  name: string;
  pgPort: number;
  restPort: number;
  patroniPid: number;
}

/**
 * The three-node Patroni cluster that Jest's global setup starts (`scripts/engines/patroni.mjs`),
 * seen from a test: which node leads, and killing it the hard way.
 */
export class PatroniCluster {
  private constructor(
    private readonly dir: string,
    readonly nodes: ClusterNode[],
  ) {}

  /** From the state file `HOTLINE_PATRONI_STATE` names; undefined when no cluster was started. */
  static fromEnvironment(): PatroniCluster | undefined {
    const file = process.env.HOTLINE_PATRONI_STATE;
    if (file === undefined || file === '') return undefined;
    const state = JSON.parse(readFileSync(file, 'utf8')) as { dir: string; nodes: ClusterNode[] };
    return new PatroniCluster(state.dir, state.nodes);
  }

  /** The node whose REST API answers 200 to `/leader`, if any. */
  async leader(): Promise<ClusterNode | undefined> {
    for (const node of this.nodes) {
      const status = await fetch(`http://127.0.0.1:${node.restPort}/leader`, {
        signal: AbortSignal.timeout(1000),
      })
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) return node;
    }
    return undefined;
  }

  /** `postgres://postgres@<every node>/<database>`: the multi-host address clients use. */
  url(database: string): string {
    return `postgres://postgres@${this.nodes.map((n) => `127.0.0.1:${n.pgPort}`).join(',')}/${database}`;
  }

  /**
   * SIGKILL of the node's Patroni, its postmaster and the postmaster's children (which survive a
   * kill of the postmaster alone): a machine that died, as far as the others can tell.
   */
  kill(node: ClusterNode): void {
    const postmaster = Number(
      readFileSync(join(this.dir, node.name, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const victims = [node.patroniPid, postmaster, ...childrenOf(postmaster)];
    for (const pid of victims) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the command in parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

// Host iptables rules that every lab network needs (measured in sandbox-facts.md):
// - Docker's isolation chain drops pod-sourced traffic (10.244.x) crossing an internal bridge;
//   an ACCEPT for traffic that enters and leaves the same bridge makes pod routes between
//   nodes work. Never a wildcard like `nd+`, which would join the labs of different students.
// - Nodes reach services listening on the host through the bridge's gateway address;
//   dropping INPUT from the bridge closes that while lab traffic stays on the bridge.
// - The same for IPv6: a student may enable IPv6 on the node's eth0 (net.* sysctls are theirs)
//   and reach the host's link-local address on the bridge, or route through the host.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
type Tool = 'iptables' | 'ip6tables';
const xtables = (tool: Tool, ...args: string[]) => run(tool, ['-w', '5', ...args]);

const rulesFor = (bridge: string): [Tool, string, ...string[]][] => [
  ['iptables', 'DOCKER-USER', '-i', bridge, '-o', bridge, '-j', 'ACCEPT'],
  ['iptables', 'INPUT', '-i', bridge, '-j', 'DROP'],
  ['ip6tables', 'INPUT', '-i', bridge, '-j', 'DROP'],
  ['ip6tables', 'FORWARD', '-i', bridge, '!', '-o', bridge, '-j', 'DROP'],
];

export async function openBridge(bridge: string): Promise<void> {
  await Promise.all(rulesFor(bridge).map(([tool, chain, ...rule]) => xtables(tool, '-I', chain, ...rule)));
}

export async function closeBridge(bridge: string): Promise<void> {
  if (!/^nd[0-9a-f]{10}$/.test(bridge)) return;
  await Promise.all(
    rulesFor(bridge).map(async ([tool, chain, ...rule]) => {
      // A crash between two inserts can leave a rule twice; delete until none is left.
      while (await xtables(tool, '-D', chain, ...rule).then(() => true, () => false));
    }),
  );
}

/** Rules whose bridge no longer exists (a run removed while Netdojo was not running). */
export async function removeStaleBridgeRules(): Promise<number> {
  let removed = 0;
  const chains: [Tool, string][] = [['iptables', 'DOCKER-USER'], ['iptables', 'INPUT'], ['ip6tables', 'INPUT'], ['ip6tables', 'FORWARD']];
  for (const [tool, chain] of chains) {
    const { stdout } = await xtables(tool, '-S', chain).catch(() => ({ stdout: '' }));
    for (const line of stdout.split('\n')) {
      const bridge = /-i (nd[0-9a-f]{10})\b/.exec(line)?.[1];
      if (!bridge || existsSync(`/sys/class/net/${bridge}`)) continue;
      await closeBridge(bridge);
      removed++;
    }
  }
  return removed;
}

// Which kernel features labs can use on this machine. Nodes cannot load modules, so what the
// running kernel offers is what labs get; a lab that needs a missing feature is refused with a
// clear message instead of failing halfway. Probed once per kernel and image, then cached.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { sandboxConfig } from './config';
import { DockerDriver } from './docker';
import { labImageHash } from './docker-image';
import type { SandboxDriver } from './driver';

/** Each probe creates the thing a lab would create and cleans up after itself. */
const PROBES = {
  veth: 'ip link add ndp0 type veth peer name ndp1 && ip link del ndp0',
  bridge: 'ip link add ndp0 type bridge && ip link del ndp0',
  netns: 'ip netns add ndprobe && ip netns exec ndprobe ip link show lo >/dev/null && ip netns del ndprobe',
  vxlan: 'ip link add ndp0 type vxlan id 42 dstport 4789 dev eth0 && ip link del ndp0',
  macvlan: 'ip link add ndp0 link eth0 type macvlan mode bridge && ip link del ndp0',
  ipvlan: 'ip link add ndp0 link eth0 type ipvlan mode l2 && ip link del ndp0',
  dummy: 'ip link add ndp0 type dummy && ip link del ndp0',
  vlan: 'ip link add link eth0 name ndp0 type vlan id 10 && ip link del ndp0',
  ip_vs: 'ipvsadm -A -t 10.255.255.1:80 -s rr && ipvsadm -C',
  netem: 'tc qdisc add dev lo root netem delay 1ms && tc qdisc del dev lo root',
  tbf: 'tc qdisc add dev lo root tbf rate 1mbit burst 32kbit latency 400ms && tc qdisc del dev lo root',
  htb: 'tc qdisc add dev lo root handle 1: htb && tc qdisc del dev lo root',
  br_netfilter: 'test -e /proc/sys/net/bridge/bridge-nf-call-iptables',
  iptables_nft: 'iptables-nft -t nat -L -n',
  iptables_legacy: 'iptables-legacy -t nat -L -n',
  nftables: 'nft add table inet ndprobe && nft delete table inet ndprobe',
  ipv6: 'test -e /proc/sys/net/ipv6/conf/all/forwarding',
  sysctl_net: 'sysctl -w net.ipv4.ip_forward=1',
} as const;

type KernelFeature = keyof typeof PROBES;
export const KERNEL_FEATURES = Object.keys(PROBES) as KernelFeature[];

const Report = z.object({
  kernel: z.string(),
  image: z.string(),
  features: z.record(z.string(), z.boolean()),
});
export type KernelReport = z.infer<typeof Report>;

export async function probeKernelFeatures(driver: SandboxDriver = new DockerDriver(), fresh = false): Promise<KernelReport> {
  const cacheFile = join(sandboxConfig().cacheDir, 'kernel-features.json');
  const key = { kernel: release(), image: labImageHash() };
  if (!fresh) {
    try {
      const cached = Report.parse(JSON.parse(readFileSync(cacheFile, 'utf8')));
      if (cached.kernel === key.kernel && cached.image === key.image) return cached;
    } catch {
      // No cache yet, or an unreadable one: probe again.
    }
  }
  const run = await driver.createRun({ nodes: [{ name: 'probe' }], ttlSeconds: 120 });
  try {
    const script = Object.entries(PROBES)
      .map(([name, cmd]) => `if (${cmd}) >/dev/null 2>&1; then echo ${name}=1; else echo ${name}=0; fi`)
      .join('\n');
    const result = await driver.exec(run.id, 'probe', ['sh', '-c', script], { timeoutMs: 30_000 });
    const features = Object.fromEntries(
      result.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.split('=')[0], l.endsWith('=1')]),
    );
    const report = { ...key, features };
    mkdirSync(sandboxConfig().cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(report, null, 2));
    return report;
  } finally {
    await driver.destroyRun(run.id);
  }
}

// Every lab network gets its own /24 from a pool. The default pool, 100.64.0.0/10 (carrier-grade
// NAT space), is one that lab material never uses, so a node's own address never collides with
// the 10.x, 172.x and 192.168.x networks students build inside it.
import { SandboxError } from './driver';

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export class SubnetPool {
  private readonly base: number;
  private readonly count: number;

  constructor(cidr: string) {
    const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
    const prefix = Number(match?.[2]);
    if (!match || prefix > 24 || prefix < 8) {
      throw new SandboxError('BadTopology', `subnet pool ${cidr} must be an IPv4 CIDR between /8 and /24`);
    }
    this.base = toInt(match[1]!) - (toInt(match[1]!) % 2 ** (32 - prefix));
    this.count = 2 ** (24 - prefix);
  }

  /** A random /24 of the pool: concurrent creators rarely collide, and the engine refuses overlaps. */
  draw(): string {
    return `${toIp(this.base + Math.floor(Math.random() * this.count) * 256)}/24`;
  }

  address(subnet: string, host: number): string {
    return toIp(toInt(subnet.split('/')[0]!) + host);
  }
}

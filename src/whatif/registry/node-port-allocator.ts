// The API server's node port allocator (pkg/registry/core/service/portallocator):
// ports of `--service-node-port-range` (30000-32767 unless the snapshot's
// kube-apiserver says otherwise). A port a Service asks for must be in the
// range and free; one it does not ask for comes from the upper band first
// (the lower `offset` ports are kept for ports users choose), at random
// there: the plan takes the lowest free one and says so.
import type { KubeObject } from "../../types.js";
import { arrayOf, dig, integerOf, recordsOf } from "../../util/object-access.js";

export interface PortRange {
  base: number;
  size: number;
}

export const DEFAULT_NODE_PORT_RANGE: PortRange = { base: 30000, size: 2768 };

export function formatPortRange(range: PortRange): string {
  return `${range.base}-${range.base + range.size - 1}`;
}

/** utilnet.ParsePortRange: `30000-32767` or `30000+2767`. */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^(\d+)\s*([-+])\s*(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const base = Number(match[1]);
  const other = Number(match[3]);
  const size = match[2] === "+" ? other + 1 : other - base + 1;
  if (base > 65535 || size < 1 || base + size - 1 > 65535) return undefined;
  return { base, size };
}

/** The range a kube-apiserver pod of the snapshot sets with `--service-node-port-range`. */
export function nodePortRangeOf(pods: readonly KubeObject[]): PortRange {
  for (const pod of pods) {
    for (const container of recordsOf(dig(pod, "spec", "containers"))) {
      const words = [...arrayOf(container.command), ...arrayOf(container.args)].filter((w): w is string => typeof w === "string");
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        const value = word.startsWith("--service-node-port-range=")
          ? word.slice("--service-node-port-range=".length)
          : word === "--service-node-port-range"
            ? words[i + 1]
            : undefined;
        const range = value === undefined ? undefined : parsePortRange(value);
        if (range) return range;
      }
    }
  }
  return DEFAULT_NODE_PORT_RANGE;
}

/** calculateRangeOffset: min(max(16, size/32), 128), none for ranges of 16 ports or fewer. */
export function calculateRangeOffset(range: PortRange): number {
  if (range.size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(range.size / 32)), 128);
}

/** The node ports a Service holds (spec.ports[].nodePort and spec.healthCheckNodePort). */
export function nodePortsOf(service: KubeObject): number[] {
  const ports = recordsOf(dig(service, "spec", "ports")).map((p) => integerOf(p.nodePort));
  return [...ports, integerOf(dig(service, "spec", "healthCheckNodePort"))].filter((p): p is number => p !== undefined && p > 0);
}

export class NodePortAllocator {
  private readonly used = new Set<number>();

  constructor(readonly range: PortRange, services: readonly KubeObject[]) {
    for (const service of services) for (const port of nodePortsOf(service)) this.used.add(port);
  }

  /** The band dynamic allocation starts from. */
  get dynamicBand(): string {
    return formatPortRange({ base: this.range.base + calculateRangeOffset(this.range), size: this.range.size - calculateRangeOffset(this.range) });
  }

  /** Allocate(port): undefined when taken, or the API server's reason. */
  allocate(port: number): string | undefined {
    if (port < this.range.base || port >= this.range.base + this.range.size) {
      return `provided port is not in the valid range. The range of valid ports is ${formatPortRange(this.range)}`;
    }
    if (this.used.has(port)) return "provided port is already allocated";
    this.used.add(port);
    return undefined;
  }

  /** AllocateNext: the upper band first, then the lower one; undefined when the range is full. */
  allocateNext(): number | undefined {
    const offset = calculateRangeOffset(this.range);
    const end = this.range.base + this.range.size;
    const order = [
      [this.range.base + offset, end],
      [this.range.base, this.range.base + offset],
    ] as const;
    for (const [from, to] of order) {
      for (let port = from; port < to; port++) {
        if (this.used.has(port)) continue;
        this.used.add(port);
        return port;
      }
    }
    return undefined;
  }

  release(port: number): void {
    this.used.delete(port);
  }
}

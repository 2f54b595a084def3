import { isIPv6 } from 'node:net';
import { type Refusal, refusal } from '../../core/errors.ts';

export type Admission =
  | { readonly ok: true; readonly release: () => void }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * Counts open event streams per client address and in all, so that no one client (and no crowd)
 * can hold every file descriptor: beyond a client's share it gets `too_many_streams`; when the
 * server's share is used up, everyone gets `unavailable` until streams close. Ordinary requests
 * are never counted here, so they keep the descriptors left over.
 */
export class StreamLimits {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly caps: { readonly perAddress: number; readonly total: number }) {}

  /** Takes a place for one stream from `address`; `release` gives it back (calling it twice is harmless). */
  admit(address: string): Admission {
    const key = addressKey(address);
    const held = this.byAddress.get(key) ?? 0;
    if (held >= this.caps.perAddress)
      return {
        ok: false,
        refusal: refusal(
          'too_many_streams',
          `At most ${this.caps.perAddress} live-update connections may be open from one address; close some pages and try again.`,
        ),
      };
    if (this.total >= this.caps.total)
      return {
        ok: false,
        refusal: refusal(
          'unavailable',
          'The server has as many live-update connections open as it takes; try again in a minute.',
        ),
      };
    this.byAddress.set(key, held + 1);
    this.total++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.byAddress.get(key) ?? 1) - 1;
        if (left > 0) this.byAddress.set(key, left);
        else this.byAddress.delete(key);
      },
    };
  }

  /** streams open now */
  get open(): number {
    return this.total;
  }
}

/**
 * The unit one client is counted by: an IPv4 address (IPv4-mapped IPv6 included), or the /64
 * network of an IPv6 address, since one subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

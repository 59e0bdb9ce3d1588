/** How the plant's networks hand out their addresses. */

/** Hands out IPv4 addresses host by host from .10, moving to the next /24 when one is full. */
export class SubnetAllocator {
  private host = 10;
  constructor(private a: number, private b: number, private c: number, private readonly skipC: number = -1) {}
  next(): string {
    if (this.host > 250) {
      this.host = 10;
      this.c += 1;
      if (this.c === this.skipC) this.c += 1;
      if (this.c > 255) {
        this.c = 0;
        this.b += 1;
      }
    }
    return `${this.a}.${this.b}.${this.c}.${this.host++}`;
  }
}

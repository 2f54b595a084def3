/** A number with its noun, plural unless the number is one: `count(1, 'team')` is "1 team", `count(3, 'team')` "3 teams". */
export function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

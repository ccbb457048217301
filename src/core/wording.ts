/** Small pieces of wording shared by every message the bot writes. */

/** "1 piece", "3 pieces". */
export function pieces(count: number): string {
  return `${count} ${count === 1 ? 'piece' : 'pieces'}`;
}

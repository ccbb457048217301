import { createHash } from 'node:crypto';
import type { KeySpace, RedisClient } from './redis';

/**
 * Due-date reminders a tracker repeats about one ticket ("OPS-31 is due tomorrow", then "… is due
 * today"): the first one a person gets counts and may nudge; the repeats do neither. Keyed by the
 * ticket (its key or link, hashed: no ticket titles or URLs are kept) per person.
 */
export interface TicketReminders {
  /**
   * True for the first reminder of this ticket to this person, and again for the same message (a
   * retried job); false for any other message reminding them of the same ticket.
   */
  isFirst(teamId: string, userId: string, ticket: string, messageKey: string): Promise<boolean>;
}

/** Trackers remind for as long as a ticket is overdue; a quarter is longer than any sprint. */
export const TICKET_REMINDER_TTL_SECONDS = 90 * 24 * 3600;

export function createTicketReminders({ redis, keys }: { redis: RedisClient; keys: KeySpace }): TicketReminders {
  return {
    async isFirst(teamId, userId, ticket, messageKey) {
      const hashed = createHash('sha256').update(ticket).digest('hex').slice(0, 32);
      const key = keys.team(teamId, 'reminded', userId, hashed);
      if ((await redis.set(key, messageKey, 'EX', TICKET_REMINDER_TTL_SECONDS, 'NX')) === 'OK') return true;
      return (await redis.get(key)) === messageKey;
    },
  };
}

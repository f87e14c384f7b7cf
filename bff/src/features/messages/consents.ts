import { isDuplicateKey } from '../../db/duplicate';
import type { ConsentModel } from './consent.model';

/**
 * WeChat's one-time subscription model, counted on our side (consent.model.ts): every 允许 the mini-program reports
 * is one grant for that template; every message we send spends one first; no grant left means "cannot notify" and
 * WeChat is not even asked. WeChat keeps its own count and stays the judge (43101): ours only keeps us from sending
 * what it would refuse, and from sending more messages than the citizen allowed.
 */
export interface Consents {
  grant(userId: string, templateId: string, count?: number): Promise<void>;
  /** the consent spent (its place), or null when none is left */
  spend(userId: string, templateId: string, by: string): Promise<number | null>;
  remaining(userId: string, templateId: string): Promise<number>;
}

export function createConsents(d: { model: ConsentModel; clock: () => Date }): Consents {
  const base = (kind: 'g' | 's', userId: string, templateId: string) => `${kind}|${userId}|${templateId}`;

  async function note(b: string): Promise<number> {
    return (await d.model.findById(b, { n: 1 }).lean())?.n ?? 0;
  }

  /** the highest place taken: from the note on, while the next one exists */
  async function highest(b: string): Promise<number> {
    let n = await note(b);
    while (await d.model.exists({ _id: `${b}#${n + 1}` })) n += 1;
    return n;
  }

  /** A hint for the next reader; written without a lock, it may lag behind, never run ahead of what is taken. */
  async function remember(b: string, n: number): Promise<void> {
    try {
      await d.model.updateOne({ _id: b }, { $max: { n }, $setOnInsert: { at: d.clock() } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await d.model.updateOne({ _id: b }, { $max: { n } });
    }
  }

  /** The first free place after `from` (and at most `max`), or null. */
  async function take(b: string, from: number, max: number, by?: string): Promise<number | null> {
    for (let n = from + 1; n <= max; n++) {
      try {
        await d.model.create({ _id: `${b}#${n}`, at: d.clock(), ...(by ? { by } : {}) });
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
      // the note moves on only when it was behind (the place right after it was taken), as in db/attempts.ts
      if (n > from + 1) await remember(b, n);
      return n;
    }
    return null;
  }

  return {
    async grant(userId, templateId, count = 1) {
      const b = base('g', userId, templateId);
      let from = await note(b);
      for (let i = 0; i < count; i++) from = (await take(b, from, Number.MAX_SAFE_INTEGER))!;
      await remember(b, from);
    },
    async spend(userId, templateId, by) {
      const granted = await highest(base('g', userId, templateId));
      const b = base('s', userId, templateId);
      return take(b, await note(b), granted, by);
    },
    async remaining(userId, templateId) {
      const [granted, spent] = await Promise.all([highest(base('g', userId, templateId)), highest(base('s', userId, templateId))]);
      return Math.max(0, granted - spent);
    },
  };
}

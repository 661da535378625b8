/* How a reply's text is read: opt-out words, and the first word against the choices of an Approval. */

/**
 * Words that ask to stop receiving messages (English and Swedish conventions; iP.1 blacklists a
 * number that answers STOP). Such a reply is never an answer: it goes to the incoming-SMS workflow
 * like any other message, and an Approval refuses them as choice words.
 */
export const OPT_OUT_WORDS = ['stop', 'stopp', 'stopall', 'unsubscribe', 'optout', 'avsluta', 'avregistrera'];

/** Letters and digits only, lower case: "Yes!" → "yes", "  NO. " → "no", "Ja," → "ja". */
export function normaliseWord(word: string): string {
	return word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The reply's first word, normalised: "YES please - Anna" → "yes". */
export function firstWord(text: string): string {
	for (const part of text.trim().split(/\s+/)) {
		const word = normaliseWord(part);
		if (word) return word;
	}
	return '';
}

/** Whether the reply is an opt-out: its only word is one of OPT_OUT_WORDS ("STOP", "Stop.", "stopp!"). */
export function isOptOut(text: string): boolean {
	const words = text.trim().split(/\s+/).map(normaliseWord).filter(Boolean);
	return words.length === 1 && OPT_OUT_WORDS.includes(words[0]);
}

/** Several choice words written in one field: "YES, Y, JA" → ["yes", "y", "ja"]. */
export function choiceWords(written: string): string[] {
	return written
		.split(/[,;/|]+/)
		.map((w) => normaliseWord(w))
		.filter(Boolean);
}

/**
 * The choice a reply makes: its first word compared without regard to case, surrounding spaces or
 * punctuation, so "yes", " Yes! " and "YES thanks, Anna" approve. Undefined when it is neither.
 */
export function matchChoice(text: string, approve: string[], decline: string[]): 'approve' | 'decline' | undefined {
	const word = firstWord(text);
	if (!word) return undefined;
	if (approve.includes(word)) return 'approve';
	if (decline.includes(word)) return 'decline';
	return undefined;
}

/*
 * The placeholders of a templated Message (Batch → Send / Schedule with Combine Input Items). A {name}
 * that no Template Field fills would reach every recipient as written, and a Template Field the Message
 * never uses is a mistyped name: both stop the send before any request. A backslash before the opening
 * brace sends it as written: \{name} goes out as {name} and is not a placeholder.
 */
import { Ip1InputError, quoteValue } from './errors';

/** `\{` (with the placeholder it escapes, if any), or a placeholder `{name}`. */
const TOKEN = /\\\{(?:([^{}]*)\})?|\{([^{}]+)\}/g;

export interface Template {
	/** The text to send: the escapes removed. */
	text: string;
	/** The placeholders' names, each once, in the order they first appear. */
	placeholders: string[];
	/** The names of escaped placeholders (`\{name}`), each once. */
	escaped: string[];
}

let last: { message: string; template: Template } | undefined;

/** Reads a Message's placeholders and escapes (the last one is kept: Combine reads one Message for every item). */
export function readTemplate(message: string): Template {
	if (last?.message === message) return last.template;
	const placeholders = new Set<string>();
	const escaped = new Set<string>();
	for (const match of message.matchAll(TOKEN)) {
		if (match[0].startsWith('\\')) {
			if (match[1] !== undefined) escaped.add(match[1]);
		} else placeholders.add(match[2]);
	}
	const template = { text: message.replace(/\\\{/g, '{'), placeholders: [...placeholders], escaped: [...escaped] };
	last = { message, template };
	return template;
}

const ESCAPE_HINT = 'To send braces as written, put a backslash before the opening one: \\{name} goes out as {name}.';

const listed = (names: string[], empty: string): string => (names.length ? names.join(', ') : empty);

function unfilled(placeholder: string, fieldNames: string[], hint: string): Ip1InputError {
	return new Ip1InputError(
		'Message',
		`No Template Field fills ${quoteValue(`{${placeholder}}`, 30)} in Message`,
		`This item's Template Fields: ${listed(fieldNames, 'none')}. ${hint} ${ESCAPE_HINT}`,
	);
}

function unused(field: string, placeholders: string[], hint: string): Ip1InputError {
	return new Ip1InputError(
		'Template Fields',
		`Template Field ${quoteValue(field, 30)} is not in the Message`,
		`The Message's placeholders: ${listed(placeholders.map((p) => `{${p}}`), 'none')}. ${hint}`,
	);
}

function escapedAndFilled(placeholder: string): Ip1InputError {
	return new Ip1InputError(
		'Message',
		`Message has \\{${placeholder}} and a Template Field fills {${placeholder}}`,
		`iP.1 fills every {${placeholder}} in the text, so \\{${placeholder}} cannot go out as written while a Template Field has that name. Rename the placeholder or the field.`,
	);
}

/**
 * REST: a Template Field's Name fills `{Name}`. Every placeholder needs a field (or a default value),
 * and every field a placeholder.
 */
export function checkRestTemplate(template: Template, fieldNames: string[], defaults: string[] = []): void {
	const filled = new Set([...fieldNames, ...defaults]);
	for (const placeholder of template.placeholders) {
		if (!filled.has(placeholder)) {
			throw unfilled(placeholder, fieldNames, `Add a Template Field named ${placeholder}, or correct the placeholder to one of them.`);
		}
	}
	const used = new Set(template.placeholders);
	for (const name of fieldNames) {
		if (!used.has(name)) {
			throw unused(name, template.placeholders, `Write {${name}} in the Message where its value goes, correct the field's Name, or remove the field.`);
		}
	}
	for (const placeholder of template.escaped) if (filled.has(placeholder)) throw escapedAndFilled(placeholder);
}

/**
 * SOAP: iP.1 replaces every occurrence of a Template Field's Key, as written (e.g. `{name}`), in the text.
 * Every `{placeholder}` needs a Key that holds it, and every Key must occur in the text.
 */
export function checkSoapTemplate(template: Template, keys: string[]): void {
	for (const placeholder of template.placeholders) {
		const written = `{${placeholder}}`;
		if (!keys.some((key) => key.includes(written))) {
			const hint = keys.includes(placeholder)
				? `Write the Key with its braces, ${written}: iP.1 replaces the Key as written.`
				: `Add a Template Field with Key ${written}, or correct the placeholder to one of them.`;
			throw unfilled(placeholder, keys, hint);
		}
	}
	for (const key of keys) {
		if (!template.text.includes(key)) {
			throw unused(key, template.placeholders, 'Write the Key in the Message where its value goes (as written, braces included), correct the Key, or remove the field.');
		}
	}
	for (const placeholder of template.escaped) {
		if (keys.some((key) => key.includes(`{${placeholder}}`))) throw escapedAndFilled(placeholder);
	}
}

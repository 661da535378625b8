import { checkRestTemplate, checkSoapTemplate, readTemplate } from '../../../nodes/Ip1Sms/helpers/placeholders';
import { inputErrorOf } from './inputErrorOf';

describe('readTemplate', () => {
	it('names each placeholder once, in order, and keeps escaped ones apart', () => {
		const t = readTemplate('Hi {name}, order {order} for {name}; code \\{ABC} and \\{ alone');
		expect(t.placeholders).toEqual(['name', 'order']);
		expect(t.escaped).toEqual(['ABC']);
		expect(t.text).toBe('Hi {name}, order {order} for {name}; code {ABC} and { alone');
	});

	it('a text without braces is sent as written', () => {
		expect(readTemplate('Hi there')).toEqual({ text: 'Hi there', placeholders: [], escaped: [] });
	});
});

describe('checkRestTemplate (a field named name fills {name})', () => {
	it('the issue: {name} with a field named firstname stops, naming the placeholder and the fields', () => {
		const error = inputErrorOf(() => checkRestTemplate(readTemplate('Hi {name}, your order is ready!'), ['firstname']));
		expect(error.message).toBe('No Template Field fills "{name}" in Message');
		expect(error.hint).toContain("This item's Template Fields: firstname.");
		expect(error.hint).toContain('\\{name}');
	});

	it('a placeholder and no Template Fields at all', () => {
		const error = inputErrorOf(() => checkRestTemplate(readTemplate('Hi {name}'), []));
		expect(error.hint).toContain("This item's Template Fields: none.");
	});

	it('a Template Field the Message never uses is an error too', () => {
		const error = inputErrorOf(() => checkRestTemplate(readTemplate('Hi {name}'), ['name', 'order']));
		expect(error.field).toBe('Template Fields');
		expect(error.message).toBe('Template Field "order" is not in the Message');
		expect(error.hint).toContain("The Message's placeholders: {name}.");
	});

	it('a default value fills a placeholder', () => {
		expect(() => checkRestTemplate(readTemplate('Hi {name}'), [], ['name'])).not.toThrow();
	});

	it('every placeholder filled and every field used passes; escaped braces are not placeholders', () => {
		expect(() => checkRestTemplate(readTemplate('Hi {name}, code \\{ABC}'), ['name'])).not.toThrow();
	});

	it('an escaped placeholder that a field would fill anyway is refused', () => {
		const error = inputErrorOf(() => checkRestTemplate(readTemplate('Hi {name}, not \\{name}'), ['name']));
		expect(error.message).toBe('Message has \\{name} and a Template Field fills {name}');
	});
});

describe('checkSoapTemplate (a Key is replaced as written)', () => {
	it('{name} with Key {firstname} stops, naming both', () => {
		const error = inputErrorOf(() => checkSoapTemplate(readTemplate('Hi {name}'), ['{firstname}']));
		expect(error.message).toBe('No Template Field fills "{name}" in Message');
		expect(error.hint).toContain("This item's Template Fields: {firstname}.");
	});

	it('a Key without its braces is named as the fix (iP.1 would send {Anna})', () => {
		const error = inputErrorOf(() => checkSoapTemplate(readTemplate('Hi {name}'), ['name']));
		expect(error.hint).toContain('Write the Key with its braces, {name}');
	});

	it('a Key that is not in the Message is an error', () => {
		const error = inputErrorOf(() => checkSoapTemplate(readTemplate('Hi {name}'), ['{name}', '%order%']));
		expect(error.message).toBe('Template Field "%order%" is not in the Message');
	});

	it('Keys without braces work as before when the Message has them', () => {
		expect(() => checkSoapTemplate(readTemplate('Hi %name%, code \\{ABC}'), ['%name%'])).not.toThrow();
		expect(() => checkSoapTemplate(readTemplate('Hi {name}'), ['{name}'])).not.toThrow();
	});

	it('an escaped placeholder that a Key would replace anyway is refused', () => {
		const error = inputErrorOf(() => checkSoapTemplate(readTemplate('Hi \\{name}'), ['{name}']));
		expect(error.message).toBe('Message has \\{name} and a Template Field fills {name}');
	});
});

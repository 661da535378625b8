// render splits a text once and fills the split: it must give what the regular-expression replace gave
// (the code before) for texts and values of every shape, the same text many times and texts in turn.
import { render } from '../../../../nodes/Ip1Sms/gateway/rest/batchRequest';

const PLACEHOLDER = /\{([^{}]+)\}/g;

function renderBefore(text: string, values: Record<string, string> | undefined, defaults?: Record<string, string>): string {
	return text.replace(PLACEHOLDER, (whole, key: string) => {
		if (values && Object.prototype.hasOwnProperty.call(values, key)) return values[key];
		if (defaults && Object.prototype.hasOwnProperty.call(defaults, key)) return defaults[key];
		return whole;
	});
}

const TEXTS = [
	'Hej {name}! Din order {order} är på väg.',
	'',
	'no placeholders',
	'{name}',
	'{name}{order}',
	'{{name}}',
	'{}',
	'{ name }',
	'{na{me}',
	'}{name}{',
	'{name',
	'{$&} {$1} {constructor} {__proto__} {toString}',
	'emoji {😀} and {key with spaces}\n{multi\nline}',
	'{name}{name}{name}',
];
const VALUES: Array<Record<string, string> | undefined> = [
	undefined,
	{},
	{ name: 'Anna', order: 'A-1' },
	{ name: '$&', order: '$1 $$ $`' },
	{ name: '{order}', order: '{name}' },
	{ 'na{me': 'x', ' name ': 'spaced', '$&': 'dollar', constructor: 'c', __proto__: 'p', toString: 't', '😀': 'smile', 'key with spaces': 'k', 'multi\nline': 'm' },
	Object.assign(Object.create({ name: 'inherited' }) as Record<string, string>, { order: 'own' }),
];
const DEFAULTS: Array<Record<string, string> | undefined> = [undefined, { name: 'Kund', order: '?' }, { '': 'empty' }];

it(`gives what the replace gave (${TEXTS.length * VALUES.length * DEFAULTS.length * 2} cases)`, () => {
	for (let round = 0; round < 2; round++) {
		for (const text of TEXTS) {
			for (const values of VALUES) {
				for (const defaults of DEFAULTS) {
					expect({ text, values, defaults, out: render(text, values, defaults) }).toEqual({ text, values, defaults, out: renderBefore(text, values, defaults) });
				}
			}
		}
	}
});

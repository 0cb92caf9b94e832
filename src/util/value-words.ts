// How a message names a JSON type and shows a value: one wording for the suite loader's schema
// diagnostics and for the named checks' `with:` arguments, so both say "must be a list, got 3".

export const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** A value as it appears in a message: JSON where it has one (`"two"`, `[1]`), else its text. */
export const showValue = (v: unknown): string => JSON.stringify(v) ?? String(v);

// The functions Okta documents for expressions, with arity, result type and, where the
// documented behaviour is exact, an implementation. Anything else is known but not evaluated.
import { EvalFailure, NotEvaluated } from './outcome.js';
import type { ElType, ElValue } from './types.js';

export type FunctionStatus = 'supported' | 'deprecated' | 'not-evaluated' | 'not-allowed';

export interface FunctionSpec {
  name: string;
  minArgs: number;
  maxArgs: number;
  returns: ElType;
  status: FunctionStatus;
  /** Conversion, Array and Time functions are not supported in the condition of a ternary. */
  notInCondition?: boolean;
  /** Group functions are not re-evaluated when membership changes (M13). */
  groupFunction?: boolean;
  replacement?: string;
  /** Receives arguments already checked for arity. Throws NotEvaluated / EvalFailure. */
  impl?: (args: ElValue[]) => ElValue;
}

/** Arity is checked before `impl` runs, so a missing argument means this table is wrong. */
function present(v: ElValue | undefined, fn: string, i: number): ElValue {
  if (v === undefined) throw new EvalFailure(`${fn} is missing argument ${i + 1}`);
  return v;
}
function str(v: ElValue | undefined, fn: string, i: number): string {
  v = present(v, fn, i);
  if (v === null) throw new NotEvaluated(`${fn} with a null argument ${i + 1}: Okta's result is undocumented`);
  if (typeof v !== 'string') throw new NotEvaluated(`${fn} argument ${i + 1} is not a string`);
  return v;
}
function int(v: ElValue | undefined, fn: string, i: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new NotEvaluated(`${fn} argument ${i + 1} is not an integer`);
  return v;
}
/** `Arrays.*` also accept a comma-separated string (Okta docs). */
function arr(v: ElValue | undefined): ElValue[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v === '' ? [] : v.split(',');
  return [v];
}
function same(a: ElValue, b: ElValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const S = (name: string, min: number, max: number, returns: ElType, impl: (a: ElValue[]) => ElValue): FunctionSpec => ({
  name,
  minArgs: min,
  maxArgs: max,
  returns,
  status: 'supported',
  impl,
});

function stringFunctions(): FunctionSpec[] {
  const f = (n: string) => `String.${n}`;
  return [
    S(f('append'), 2, 2, 'string', (a) => str(a[0], f('append'), 0) + str(a[1], f('append'), 1)),
    S(f('join'), 1, Infinity, 'string', (a) =>
      a
        .slice(1)
        .map((v, i) => str(v, f('join'), i + 1))
        .join(str(a[0], f('join'), 0)),
    ),
    S(f('len'), 1, 1, 'integer', (a) => str(a[0], f('len'), 0).length),
    S(f('removeSpaces'), 1, 1, 'string', (a) => str(a[0], f('removeSpaces'), 0).replace(/ /g, '')),
    S(f('replace'), 3, 3, 'string', (a) =>
      str(a[0], f('replace'), 0)
        .split(str(a[1], f('replace'), 1))
        .join(str(a[2], f('replace'), 2)),
    ),
    S(f('replaceFirst'), 3, 3, 'string', (a) =>
      str(a[0], f('replaceFirst'), 0).replace(str(a[1], f('replaceFirst'), 1), () => str(a[2], f('replaceFirst'), 2)),
    ),
    S(f('startsWith'), 2, 2, 'boolean', (a) => str(a[0], f('startsWith'), 0).startsWith(str(a[1], f('startsWith'), 1))),
    S(f('stringContains'), 2, 2, 'boolean', (a) =>
      str(a[0], f('stringContains'), 0).includes(str(a[1], f('stringContains'), 1)),
    ),
    S(f('stringSwitch'), 2, Infinity, 'string', stringSwitch),
    S(f('substring'), 3, 3, 'string', (a) => substring(a, f('substring'))),
    S(f('substringAfter'), 2, 2, 'string', (a) => substringAround(a, f('substringAfter'), 'after')),
    S(f('substringBefore'), 2, 2, 'string', (a) => substringAround(a, f('substringBefore'), 'before')),
    S(f('toUpperCase'), 1, 1, 'string', (a) => str(a[0], f('toUpperCase'), 0).toUpperCase()),
    S(f('toLowerCase'), 1, 1, 'string', (a) => str(a[0], f('toLowerCase'), 0).toLowerCase()),
  ];
}

function stringSwitch(a: ElValue[]): string {
  const fn = 'String.stringSwitch';
  if ((a.length - 2) % 2 !== 0) throw new EvalFailure(`${fn} needs key/value pairs after the default`);
  const input = str(a[0], fn, 0);
  for (let i = 2; i < a.length; i += 2) if (input.includes(str(a[i], fn, i))) return str(a[i + 1], fn, i + 1);
  return str(a[1], fn, 1);
}

function substring(a: ElValue[], fn: string): string {
  const s = str(a[0], fn, 0);
  const start = int(a[1], fn, 1);
  const end = int(a[2], fn, 2);
  // Java's String.substring throws outside these bounds.
  if (start < 0 || end > s.length || start > end)
    throw new EvalFailure(`${fn}(${JSON.stringify(s)}, ${start}, ${end}) is out of range`);
  return s.slice(start, end);
}

function substringAround(a: ElValue[], fn: string, side: 'before' | 'after'): string {
  const s = str(a[0], fn, 0);
  const sep = str(a[1], fn, 1);
  const at = s.indexOf(sep);
  if (at < 0)
    throw new NotEvaluated(
      `${fn}: ${JSON.stringify(sep)} does not occur in ${JSON.stringify(s)}; Okta's result is undocumented`,
    );
  return side === 'before' ? s.slice(0, at) : s.slice(at + sep.length);
}

function toInt(a: ElValue[]): number {
  const v = present(a[0], 'Convert.toInt', 0);
  if (typeof v === 'number') return Math.round(v); // documented: 123.4 -> 123, 123.6 -> 124
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim())) return Number.parseInt(v.trim(), 10);
  if (v === null) throw new NotEvaluated("Convert.toInt(null): Okta's result is undocumented");
  throw new EvalFailure(`Convert.toInt cannot convert ${JSON.stringify(v)}`);
}
function toNum(a: ElValue[]): number {
  const v = present(a[0], 'Convert.toNum', 0);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return Number(v.trim());
  if (v === null) throw new NotEvaluated("Convert.toNum(null): Okta's result is undocumented");
  throw new EvalFailure(`Convert.toNum cannot convert ${JSON.stringify(v)}`);
}

function arrayFunctions(): FunctionSpec[] {
  const A = (n: string, min: number, max: number, returns: ElType, impl: (a: ElValue[]) => ElValue): FunctionSpec => ({
    ...S(`Arrays.${n}`, min, max, returns, impl),
    notInCondition: true,
  });
  return [
    A('add', 2, 2, 'array', (a) => [...arr(a[0]), present(a[1], 'Arrays.add', 1)]),
    A('remove', 2, 2, 'array', (a) => arr(a[0]).filter((v) => !same(v, present(a[1], 'Arrays.remove', 1)))),
    A('clear', 1, 1, 'array', () => []),
    A('get', 2, 2, 'unknown', (a) => {
      const list = arr(a[0]);
      const i = int(a[1], 'Arrays.get', 1);
      const item = list[i];
      if (item === undefined) throw new NotEvaluated(`Arrays.get index ${i} is outside the array`);
      return item;
    }),
    A(
      'flatten',
      1,
      Infinity,
      'array',
      (a) => a.flatMap((v) => (Array.isArray(v) ? v.flat(Infinity as 1) : [v])) as ElValue[],
    ),
    A('contains', 2, 2, 'boolean', (a) => arr(a[0]).some((v) => same(v, present(a[1], 'Arrays.contains', 1)))),
    A('size', 1, 1, 'integer', (a) => arr(a[0]).length),
    A('isEmpty', 1, 1, 'boolean', (a) => arr(a[0]).length === 0),
    A('toCsvString', 1, 1, 'string', (a) =>
      arr(a[0])
        .map((v) => (v === null ? 'null' : String(v)))
        .join(','),
    ),
  ];
}

const known = (
  name: string,
  min: number,
  max: number,
  returns: ElType,
  extra: Partial<FunctionSpec> = {},
): FunctionSpec => ({
  name,
  minArgs: min,
  maxArgs: max,
  returns,
  status: 'not-evaluated',
  ...extra,
});

function otherFunctions(): FunctionSpec[] {
  const iso = ['toAlpha2', 'toAlpha3', 'toNumeric', 'toName'].map((n) =>
    known(`Iso3166Convert.${n}`, 1, 1, 'string', { notInCondition: true }),
  );
  const time = [
    known('Time.now', 0, 2, 'string'),
    known('Time.fromWindowsToIso8601', 1, 1, 'string'),
    known('Time.fromUnixToIso8601', 1, 1, 'string'),
    known('Time.fromStringToIso8601', 2, 2, 'string'),
    known('Time.fromIso8601ToWindows', 1, 1, 'string'),
    known('Time.fromIso8601ToUnix', 1, 1, 'string'),
    known('Time.fromIso8601ToString', 2, 2, 'string'),
  ].map((f) => ({ ...f, notInCondition: true }));
  const group = [
    'isMemberOfGroupName',
    'isMemberOfGroup',
    'isMemberOfAnyGroup',
    'isMemberOfGroupNameStartsWith',
    'isMemberOfGroupNameContains',
    'isMemberOfGroupNameRegex',
  ].map((n) => known(n, 1, Infinity, 'boolean', { groupFunction: true }));
  const groupsClaim = ['contains', 'startsWith', 'endsWith'].map((n) =>
    known(`Groups.${n}`, 1, Infinity, 'array', { status: 'not-allowed' }),
  );
  const directory = [
    known('getManagerUser', 1, 1, 'unknown'),
    known('getManagerAppUser', 2, 2, 'unknown'),
    known('getAssistantUser', 1, 1, 'unknown'),
    known('getAssistantAppUser', 2, 2, 'unknown'),
    known('hasDirectoryUser', 0, 0, 'boolean'),
    known('findDirectoryUser', 0, 0, 'unknown'),
    known('hasWorkdayUser', 0, 0, 'boolean'),
    known('findWorkdayUser', 0, 0, 'unknown'),
    known('getFilteredGroups', 3, 3, 'array', { groupFunction: true }),
  ];
  return [
    { ...S('Convert.toInt', 1, 1, 'integer', toInt), notInCondition: true },
    { ...S('Convert.toNum', 1, 1, 'number', toNum), notInCondition: true },
    ...iso,
    ...time,
    ...group,
    ...groupsClaim,
    ...directory,
  ];
}

/** Deprecated un-namespaced forms still accepted by Okta: same behaviour as the String.* ones. */
function deprecatedFunctions(stringFns: FunctionSpec[]): FunctionSpec[] {
  return ['toUpperCase', 'toLowerCase', 'substringBefore', 'substringAfter', 'substring'].map((n) => {
    const modern = stringFns.find((f) => f.name === `String.${n}`)!;
    return { ...modern, name: n, status: 'deprecated' as const, replacement: modern.name };
  });
}

/** Methods called on `user` (user.getInternalProperty("id") ...). */
export const USER_METHODS: Record<string, FunctionSpec> = {
  getInternalProperty: known('user.getInternalProperty', 1, 1, 'string'),
  getLinkedObject: known('user.getLinkedObject', 1, 1, 'unknown'),
  getGroups: known('user.getGroups', 1, 3, 'array', { groupFunction: true }),
};

const STRING_FUNCTIONS = stringFunctions();
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  [...STRING_FUNCTIONS, ...deprecatedFunctions(STRING_FUNCTIONS), ...arrayFunctions(), ...otherFunctions()].map((f) => [
    f.name,
    f,
  ]),
);

export const FUNCTION_NAMESPACES = ['String', 'Arrays', 'Convert', 'Iso3166Convert', 'Time', 'Groups'];

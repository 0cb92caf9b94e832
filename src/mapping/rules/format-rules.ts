// preferredLanguage, locale and timezone: what the expression can emit against the format
// the target needs (M1, M2, M3), with a replacement expression as the fix.
import { finding, type ParsedEntry, type RuleContext } from '../context.js';
import { valueShapes, type ValueShape } from '../el/shapes.js';
import { checkLocale, checkTimezone, classifyLanguage } from '../profile-bridge.js';
import { CORE_URN } from '../scim/namespaces.js';
import type { LanguageFormat } from '../types.js';
import type { MappingFinding } from '../../model/mapping-result.js';

export const FIX_FROM_LOCALE = 'String.substringBefore(user.locale, "_")';
export const FIX_FROM_PREFERRED_LANGUAGE =
  'user.preferredLanguage != null && user.preferredLanguage != \'\' ? String.toLowerCase(String.substring(user.preferredLanguage, 0, 2)) : String.substringBefore(user.locale, "_")';
export const FIX_LOCALE = 'String.replace(user.locale, "_", "-")';

/** Some verdict messages already quote the value. */
function constantProblem(value: string, verdict: { code: string; message: string }): string {
  const quoted = JSON.stringify(value);
  return `${verdict.message.includes(quoted) ? 'constant' : `constant ${quoted}`} ${verdict.message} [${verdict.code}]`;
}

export function formatRules(ctx: RuleContext): MappingFinding[] {
  const out: MappingFinding[] = [];
  for (const p of ctx.entries) {
    if (!p.parse.ok || !p.scim || (p.scim.namespace && p.scim.namespace !== CORE_URN)) continue;
    const shapes = valueShapes(p.parse.ast);
    if (p.scim.top === 'preferredLanguage') out.push(...preferredLanguage(ctx, p, shapes, ctx.languageFormat));
    if (p.scim.top === 'locale') out.push(...locale(ctx, p, shapes));
    if (p.scim.top === 'timezone') out.push(...timezone(ctx, p, shapes));
  }
  return out;
}

function preferredLanguage(
  ctx: RuleContext,
  p: ParsedEntry,
  shapes: ValueShape[],
  mode: LanguageFormat,
): MappingFinding[] {
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry) };
  const out: MappingFinding[] = [];
  const kinds = new Set(shapes.map((s) => s.kind));
  if (kinds.has('okta-locale')) {
    const fix = mode === 'iso639-1' ? FIX_FROM_LOCALE : FIX_LOCALE;
    out.push(
      finding(
        'MAP_PREFERRED_LANGUAGE_LOCALE',
        'user.locale has the form en_US; an underscore is not valid in preferredLanguage (RFC 7231 language range, or ISO 639-1)',
        { ...at, value: 'en_US', fix },
      ),
    );
  }
  if (mode === 'iso639-1' && (kinds.has('okta-language-range') || kinds.has('bcp47-tag') || kinds.has('two-letter'))) {
    const what = kinds.has('okta-language-range')
      ? 'user.preferredLanguage may hold en-US or a list such as "en-US, fr;q=0.5"'
      : 'the value may keep a region or upper-case letters';
    out.push(
      finding('MAP_PREFERRED_LANGUAGE_NOT_ISO639_1', `${what}; the profile requires an ISO 639-1 code such as "en"`, {
        ...at,
        value: 'en-US',
        fix: FIX_FROM_PREFERRED_LANGUAGE,
      }),
    );
  }
  for (const s of shapes) {
    if (s.kind !== 'literal') continue;
    const verdict = classifyLanguage(s.value, mode);
    if (!verdict.ok && verdict.severity === 'must')
      out.push(finding('MAP_PREFERRED_LANGUAGE_LITERAL', constantProblem(s.value, verdict), { ...at, value: s.value }));
  }
  const unproven = shapes.find(
    (s) => s.kind === 'unknown' || s.kind === 'attribute' || (mode === 'iso639-1' && s.kind === 'okta-timezone'),
  );
  if (unproven && out.length === 0) {
    const source = unproven.kind === 'attribute' ? `user.${unproven.name}` : 'this expression';
    out.push(
      finding(
        'MAP_PREFERRED_LANGUAGE_UNPROVEN',
        `cannot show that ${source} always gives ${mode === 'iso639-1' ? 'an ISO 639-1 code' : 'a language tag'}; check it with --samples`,
        at,
      ),
    );
  }
  return out;
}

function locale(ctx: RuleContext, p: ParsedEntry, shapes: ValueShape[]): MappingFinding[] {
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry) };
  const out: MappingFinding[] = [];
  const kinds = new Set(shapes.map((s) => s.kind));
  if (kinds.has('okta-locale'))
    out.push(
      finding(
        'MAP_LOCALE_FORMAT',
        'user.locale gives en_US; SCIM locale is an RFC 5646 tag (en-US), the underscore form is only MAY-accepted',
        { ...at, value: 'en_US', fix: FIX_LOCALE },
      ),
    );
  if (kinds.has('okta-language-range'))
    out.push(
      finding(
        'MAP_LOCALE_FORMAT',
        'user.preferredLanguage may be a language list ("en-US, fr;q=0.5"), not one locale tag',
        { ...at, fix: FIX_LOCALE },
      ),
    );
  for (const s of shapes) {
    if (s.kind !== 'literal') continue;
    const verdict = checkLocale(s.value);
    if (!verdict.ok)
      out.push(finding('MAP_LOCALE_FORMAT', constantProblem(s.value, verdict), { ...at, value: s.value }));
  }
  return out;
}

function timezone(ctx: RuleContext, p: ParsedEntry, shapes: ValueShape[]): MappingFinding[] {
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry) };
  const out: MappingFinding[] = [];
  for (const s of shapes) {
    if (s.kind === 'literal') {
      const verdict = checkTimezone(s.value);
      if (!verdict.ok)
        out.push(finding('MAP_TIMEZONE_FORMAT', constantProblem(s.value, verdict), { ...at, value: s.value }));
    } else if (s.kind === 'okta-locale' || s.kind === 'okta-language-range') {
      out.push(
        finding('MAP_TIMEZONE_FORMAT', 'timezone is fed a language/locale attribute, not an IANA time zone', {
          ...at,
          fix: 'user.timezone',
        }),
      );
    }
  }
  return out;
}

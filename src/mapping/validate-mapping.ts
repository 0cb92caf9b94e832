// validate-mapping as a library call: read the inputs, run every rule, render the samples.
// Throws UsageError (file:line:col) for unreadable or invalid input; findings are data.
import { UsageError } from '../errors.js';
import { RULES, type RuleInfo } from './codes.js';
import { buildContext, finding, type RuleContext } from './context.js';
import { parseExpression } from './el/parser.js';
import type { ExprNode } from './el/types.js';
import { readMapping } from './input/read-mapping.js';
import { readSamples } from './input/read-samples.js';
import { builtinUserSchema, readAppSchema, readUserSchema } from './input/read-schemas.js';
import { effectiveLanguageFormat, loadProfile, type AttributeProfile } from './profile-bridge.js';
import { expressionRules } from './rules/expression-rules.js';
import { formatRules } from './rules/format-rules.js';
import { profileRules } from './rules/profile-rules.js';
import { schemaRules } from './rules/schema-rules.js';
import { renderSamples } from './samples.js';
import type { AppSchemaModel, MappingEntry, MappingModel, ValidateMappingOptions } from './types.js';
import type { MappingFinding, ValidateMappingResult } from '../model/mapping-result.js';

export const DEFAULT_USERNAME_FORMAT = 'user.login';

function ruleInfo(code: string): { title: string; ref?: string } {
  const rule = (RULES as Record<string, RuleInfo | undefined>)[code];
  return rule ? { title: rule.title, ...(rule.ref ? { ref: rule.ref } : {}) } : { title: code };
}

function appSchemaFor(opts: ValidateMappingOptions, mapping: MappingModel): AppSchemaModel {
  if (opts.appSchemaFile) return readAppSchema(opts.appSchemaFile);
  if (mapping.format === 'compact-yaml' && mapping.inlineAttributes && mapping.inlineAttributes.length > 0) {
    return { file: opts.mappingFile, attributes: new Map(mapping.inlineAttributes.map((a) => [a.name, a])) };
  }
  throw new UsageError(
    '--app-schema is required (only a compact mapping with externalName on its attributes can go without)',
  );
}

function usernameFindings(
  format: string,
  userNameEntry: MappingEntry | undefined,
): { ast?: ExprNode; findings: MappingFinding[] } {
  const findings: MappingFinding[] = [];
  if (userNameEntry) {
    findings.push(
      finding(
        'MAP_USERNAME_OVERRIDE',
        'userName is mapped: the SCIM 2.0 Test App takes userName from Sign On > Application username format; this mapping is checked like the others but may not be what Okta sends',
        { attribute: 'userName', position: userNameEntry.position },
      ),
    );
  }
  const parsed = parseExpression(format);
  if (!parsed.ok) {
    findings.push(
      finding(
        'MAP_USERNAME_FORMAT_INVALID',
        `username format "${format}": ${parsed.error.message} (column ${parsed.error.offset + 1})`,
        { attribute: 'userName', value: format },
      ),
    );
    return { findings };
  }
  return { ast: parsed.ast, findings };
}

const sortKey = (f: MappingFinding) =>
  `${f.position?.file ?? ''}\u0000${String(f.position?.line ?? 0).padStart(6, '0')}\u0000${String(f.position?.col ?? 0).padStart(6, '0')}\u0000${f.code}`;

/** Everything a mapping needs before users are rendered through it (also used by `provision`). */
export interface PreparedMapping {
  ctx: RuleContext;
  profile: AttributeProfile;
  usernameAst?: ExprNode;
  /** Findings about the mapping itself, independent of any user. */
  staticFindings: MappingFinding[];
  mappingFormat: MappingModel['format'];
}

export function prepareMapping(opts: Omit<ValidateMappingOptions, 'samplesFile'>): PreparedMapping {
  const mapping = readMapping(opts.mappingFile);
  const app = appSchemaFor(opts, mapping);
  const user = opts.userSchemaFile ? readUserSchema(opts.userSchemaFile) : builtinUserSchema();
  const profile = loadProfile(opts.profile);
  const usernameFormat = opts.usernameFormat ?? mapping.usernameFormat ?? DEFAULT_USERNAME_FORMAT;
  const languageFormat = effectiveLanguageFormat(profile, opts.languageFormat);
  const ctx = buildContext(mapping, app, user, usernameFormat, languageFormat);
  const username = usernameFindings(usernameFormat, ctx.entries.find((p) => p.entry.target === 'userName')?.entry);
  const staticFindings = [
    ...username.findings,
    ...schemaRules(ctx),
    ...expressionRules(ctx),
    ...profileRules(ctx, profile),
    ...formatRules(ctx),
  ].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { ctx, profile, usernameAst: username.ast, staticFindings, mappingFormat: mapping.format };
}

export async function validateMapping(opts: ValidateMappingOptions): Promise<ValidateMappingResult> {
  const { ctx, profile, usernameAst, staticFindings, mappingFormat } = prepareMapping(opts);
  const samples = opts.samplesFile ? readSamples(opts.samplesFile) : [];
  const payloads = renderSamples(ctx, profile, samples, usernameAst);
  const findings = [...staticFindings, ...payloads.flatMap((p) => p.findings)];
  return {
    findings,
    attributes: ctx.entries.length,
    rules: Object.fromEntries([...new Set(findings.map((f) => f.code))].map((code) => [code, ruleInfo(code)])),
    payloads,
    summary: {
      must: findings.filter((f) => f.severity === 'must').length,
      should: findings.filter((f) => f.severity === 'should').length,
    },
    inputs: {
      mappingFile: opts.mappingFile,
      mappingFormat,
      appSchemaFile: opts.appSchemaFile,
      userSchemaFile: opts.userSchemaFile,
      profile: profile.name,
      samplesFile: opts.samplesFile,
      usernameFormat: ctx.usernameFormat,
      languageFormat: ctx.languageFormat,
    },
  };
}

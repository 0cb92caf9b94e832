// What the declared-schema validation reports, with severity and where the rule
// comes from. `must` only where the RFC says MUST/SHALL; a server contradicting a
// declaration the RFC leaves optional is `should`.
import type { Severity } from '../../model/severity.js';

interface Finding {
  severity: Severity;
  title: string;
  expected: string;
  ref: string;
}

export const FINDINGS = {
  DECLARED_SCHEMA_TYPE: {
    severity: 'should',
    title: "values have the types the server's /Schemas declares",
    expected: 'declared type and multiValued',
    ref: 'RFC 7643 §2.3, §7 (type, multiValued)',
  },
  DECLARED_SCHEMA_REQUIRED: {
    severity: 'should',
    title: 'attributes the server declares required are returned',
    expected: 'every required attribute present',
    ref: 'RFC 7643 §7 (required)',
  },
  DECLARED_UNKNOWN_ATTRIBUTE: {
    severity: 'should',
    title: "every returned attribute is declared in the server's /Schemas",
    expected: 'only declared attributes and extensions',
    ref: 'RFC 7643 §3, §7; RFC 7644 §4',
  },
  DECLARED_RETURNED_NEVER: {
    severity: 'must',
    title: 'attributes declared returned:never are never returned',
    expected: 'absent',
    ref: 'RFC 7643 §7 (returned: never), §4.1.1 (password)',
  },
  DECLARED_WRITE_ONLY_RETURNED: {
    severity: 'must',
    title: 'writeOnly attributes are never returned',
    expected: 'absent',
    ref: 'RFC 7643 §7 (mutability writeOnly: values SHALL NOT be returned)',
  },
  DECLARED_RETURNED_ALWAYS: {
    severity: 'should',
    title: 'attributes declared returned:always are always returned',
    expected: 'present, whatever attributes/excludedAttributes asked',
    ref: 'RFC 7643 §7 (returned: always); RFC 7644 §3.4.2.5',
  },
  DECLARED_CANONICAL_VALUE: {
    severity: 'should',
    title: 'values are among the declared canonicalValues',
    expected: 'a declared canonical value',
    ref: 'RFC 7643 §7 (canonicalValues: service providers MAY restrict)',
  },
  DECLARED_READ_ONLY_ACCEPTED: {
    severity: 'should',
    title: 'readOnly values sent by the client are not taken from it',
    expected: "the server's own value, not the client's",
    ref: 'RFC 7643 §7 (readOnly); RFC 7644 §3.3, §3.5.1 (readOnly values SHALL be ignored)',
  },
  DECLARED_UNIQUENESS: {
    severity: 'should',
    title: 'attributes declared unique are unique among the listed resources',
    expected: 'no two resources with the same value',
    ref: 'RFC 7643 §7 (uniqueness: server/global)',
  },
  RFC_CORE_SCHEMA: {
    severity: 'must',
    title: 'the resource matches the RFC core schema',
    expected: 'a valid RFC 7643 resource',
    ref: 'RFC 7643 §4, §8.7.1',
  },
} satisfies Record<string, Finding>;

export type FindingCode = keyof typeof FINDINGS;

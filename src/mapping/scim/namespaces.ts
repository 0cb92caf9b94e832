// SCIM 2.0 schema URNs and the attributes they define (RFC 7643 §4.1, §4.3), as far as
// externalName checks and payload rendering need them.
export const CORE_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const SCIM11_URNS = ['urn:scim:schemas:core:1.0', 'urn:scim:schemas:extension:enterprise:1.0'];

/** Compact-form shorthands. */
export function expandNamespace(ns: string): string {
  if (ns === 'core') return CORE_URN;
  if (ns === 'enterprise') return ENTERPRISE_URN;
  return ns;
}

const MULTI = ['value', 'display', 'type', 'primary'];

/** Attribute -> sub-attributes (empty: simple attribute). */
export const CORE_ATTRIBUTES: Record<string, string[]> = {
  userName: [],
  displayName: [],
  nickName: [],
  profileUrl: [],
  title: [],
  userType: [],
  preferredLanguage: [],
  locale: [],
  timezone: [],
  active: [],
  password: [],
  externalId: [],
  name: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'],
  emails: MULTI,
  phoneNumbers: MULTI,
  ims: MULTI,
  photos: MULTI,
  entitlements: MULTI,
  roles: MULTI,
  x509Certificates: MULTI,
  addresses: ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary'],
  groups: ['value', '$ref', 'display', 'type'],
};

export const ENTERPRISE_ATTRIBUTES: Record<string, string[]> = {
  employeeNumber: [],
  costCenter: [],
  organization: [],
  division: [],
  department: [],
  manager: ['value', '$ref', 'displayName'],
};

export const MULTI_VALUED = new Set([
  'emails',
  'phoneNumbers',
  'ims',
  'photos',
  'addresses',
  'groups',
  'entitlements',
  'roles',
  'x509Certificates',
]);

export function attributesOf(namespace: string): Record<string, string[]> | undefined {
  if (namespace === CORE_URN) return CORE_ATTRIBUTES;
  if (namespace === ENTERPRISE_URN) return ENTERPRISE_ATTRIBUTES;
  return undefined;
}

// Attribute definitions served at /Schemas (RFC 7643 §7, §8.7). The server also
// shapes and type-checks incoming resources with them, so what it advertises is what it does.
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../scim/urns.js';

export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

export interface AttributeDef {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
}

export interface SchemaDef {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDef[];
}

type Extra = Partial<Omit<AttributeDef, 'name' | 'type'>>;

function attr(name: string, type: AttributeType, description: string, extra: Extra = {}): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...extra,
  };
}

const str = (name: string, description: string, extra?: Extra) => attr(name, 'string', description, extra);

function complex(name: string, description: string, subAttributes: AttributeDef[], extra: Extra = {}): AttributeDef {
  return attr(name, 'complex', description, { ...extra, subAttributes });
}

/** A multi-valued complex attribute with the usual value/display/type/primary sub-attributes. */
function multi(name: string, description: string, types: string[], valueType: AttributeType = 'string'): AttributeDef {
  return complex(
    name,
    description,
    [
      attr(
        'value',
        valueType,
        `The value of the ${name} entry.`,
        valueType === 'reference' ? { referenceTypes: ['external'] } : {},
      ),
      str('display', 'A human-readable name, primarily used for display purposes.'),
      str('type', `A label indicating the ${name} entry's function.`, types.length ? { canonicalValues: types } : {}),
      attr('primary', 'boolean', 'Whether this is the primary value.'),
    ],
    { multiValued: true },
  );
}

const address = complex(
  'addresses',
  'A physical mailing address for this User.',
  [
    str('formatted', 'The full mailing address, formatted for display.'),
    str('streetAddress', 'The full street address component.'),
    str('locality', 'The city or locality component.'),
    str('region', 'The state or region component.'),
    str('postalCode', 'The zip code or postal code component.'),
    str('country', 'The country name component (ISO 3166-1 alpha-2).'),
    str('type', "A label indicating the address's function.", { canonicalValues: ['work', 'home', 'other'] }),
    attr('primary', 'boolean', 'Whether this is the primary address.'),
  ],
  { multiValued: true },
);

const readOnly: Extra = { mutability: 'readOnly' };

export const USER_SCHEMA_DEF: SchemaDef = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    str('userName', 'Unique identifier for the User, case-insensitive.', { required: true, uniqueness: 'server' }),
    complex('name', "The components of the user's real name.", [
      str('formatted', 'The full name, formatted for display.'),
      str('familyName', 'The family name of the User.'),
      str('givenName', 'The given name of the User.'),
      str('middleName', 'The middle name(s) of the User.'),
      str('honorificPrefix', 'The honorific prefix(es) of the User.'),
      str('honorificSuffix', 'The honorific suffix(es) of the User.'),
    ]),
    str('displayName', 'The name of the User, suitable for display to end-users.'),
    str('nickName', 'The casual way to address the user.'),
    attr('profileUrl', 'reference', "A URI to the User's online profile.", { referenceTypes: ['external'] }),
    str('title', 'The user\'s title, such as "Vice President".'),
    str('userType', 'The relationship between the organization and the user.'),
    str('preferredLanguage', "The User's preferred written or spoken language (Accept-Language format)."),
    str('locale', "The User's default location (BCP 47 language tag)."),
    str('timezone', "The User's time zone in IANA Time Zone database format."),
    attr('active', 'boolean', "The User's administrative status."),
    str('password', "The User's cleartext password.", { mutability: 'writeOnly', returned: 'never' }),
    multi('emails', 'Email addresses for the user.', ['work', 'home', 'other']),
    multi('phoneNumbers', 'Phone numbers for the User.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    multi('ims', 'Instant messaging addresses for the User.', [
      'aim',
      'gtalk',
      'icq',
      'xmpp',
      'msn',
      'skype',
      'qq',
      'yahoo',
    ]),
    multi('photos', 'URLs of photos of the User.', ['photo', 'thumbnail'], 'reference'),
    address,
    complex(
      'groups',
      'A list of groups to which the user belongs.',
      [
        str('value', "The identifier of the User's group.", readOnly),
        attr('$ref', 'reference', 'The URI of the Group.', { ...readOnly, referenceTypes: ['User', 'Group'] }),
        str('display', 'A human-readable name of the group.', readOnly),
        str('type', 'How the membership was derived.', { ...readOnly, canonicalValues: ['direct', 'indirect'] }),
      ],
      { multiValued: true, mutability: 'readOnly' },
    ),
    multi('entitlements', 'A list of entitlements for the User.', []),
    multi('roles', 'A list of roles for the User.', []),
    multi('x509Certificates', 'A list of certificates issued to the User.', [], 'binary'),
  ],
};

export const ENTERPRISE_USER_SCHEMA_DEF: SchemaDef = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    str('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person.'),
    str('costCenter', 'Identifies the name of a cost center.'),
    str('organization', 'Identifies the name of an organization.'),
    str('division', 'Identifies the name of a division.'),
    str('department', 'Identifies the name of a department.'),
    complex('manager', "The User's manager.", [
      str('value', 'The id of the SCIM resource representing the manager.'),
      attr('$ref', 'reference', 'The URI of the manager.', { referenceTypes: ['User'] }),
      str('displayName', 'The displayName of the manager.', readOnly),
    ]),
  ],
};

export const GROUP_SCHEMA_DEF: SchemaDef = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    str('displayName', 'A human-readable name for the Group.', { required: true }),
    complex(
      'members',
      'A list of members of the Group.',
      [
        str('value', 'Identifier of the member of this Group.', { mutability: 'immutable' }),
        attr('$ref', 'reference', 'The URI of the member.', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        str('display', 'A human-readable name of the member.', { mutability: 'immutable' }),
        str('type', 'The type of the member.', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
      ],
      { multiValued: true },
    ),
  ],
};

export const ALL_SCHEMA_DEFS: SchemaDef[] = [USER_SCHEMA_DEF, ENTERPRISE_USER_SCHEMA_DEF, GROUP_SCHEMA_DEF];

/** Lower-case dotted names of caseExact attributes (plus the common id/externalId), for filters. */
export function caseExactNames(defs: SchemaDef[]): Set<string> {
  const out = new Set(['id', 'externalid']);
  for (const def of defs) {
    for (const a of def.attributes) {
      if (a.caseExact) out.add(a.name.toLowerCase());
      for (const s of a.subAttributes ?? []) if (s.caseExact) out.add(`${a.name}.${s.name}`.toLowerCase());
    }
  }
  return out;
}

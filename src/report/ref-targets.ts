// What a check's `ref` points at, so a reader of a report can open it: RFC sections become
// rfc-editor.org links, behaviour codes (A-5, G-10, SPEC R6, S9, M3, C9293) become sections of
// docs/okta-behavior.md, and URLs stay URLs. Anything that points nowhere is a problem
// (test/refs.test.ts holds every ref of the suites, findings and mapping rules to this).

export interface RefTargets {
  /** Public URLs and repository documents (`docs/okta-behavior.md#g-10`) the ref points at. */
  links: string[];
  /** Parts of the ref a reader could not open (a bare §, a code with no section, a private document). */
  problems: string[];
}

export const BEHAVIOR_DOC = 'docs/okta-behavior.md';

// Documents that are not part of this repository and must not be cited.
const PRIVATE_DOCUMENTS = /okta-scim-behavior|okta-mapping-formats|okta-in-the-field|peer-tools/i;
// The top-level sections each cited RFC has: a § beyond them is a slip (a section of some other document).
const RFC_SECTIONS: Record<string, number> = {
  '7643': 10,
  '7644': 9,
  '7235': 6,
  '6750': 6,
  '7231': 9,
  '5646': 9,
  '7232': 8,
};
const URL = /https?:\/\/[^\s)]+/g;
const RFC_OR_SECTION = /RFC\s?(\d{3,5})|§\s?(\d+(?:\.\d+)*)/g;
const DOC_LINK = /\b(docs\/[\w.-]+\.md|README\.md)(?:#([\w-]+))?/g;
// A-5, G-10 | S9, S32a | SPEC R6 or R6 | C3, C9293 | M3 | Q6
const CODE = /\b([A-Z]-\d+|S\d+[a-z]?|R\d+|C\d+|M\d+|Q\d+)\b/g;

export function refTargets(
  ref: string,
  behaviorAnchors: ReadonlySet<string>,
  documentExists: (file: string, anchor?: string) => boolean = () => true,
): RefTargets {
  const links: string[] = [];
  const problems: string[] = [];
  if (PRIVATE_DOCUMENTS.test(ref))
    problems.push(`names a document this repository does not ship (${PRIVATE_DOCUMENTS.exec(ref)?.[0]})`);
  const withoutUrls = ref.replace(URL, (url) => {
    links.push(url);
    return ' ';
  });
  let rfc: string | undefined;
  for (const [, number, section = ''] of withoutUrls.matchAll(RFC_OR_SECTION)) {
    if (number) {
      rfc = number;
      links.push(`https://www.rfc-editor.org/rfc/rfc${rfc}`);
    } else if (rfc && parseInt(section, 10) > (RFC_SECTIONS[rfc] ?? 99)) problems.push(`RFC ${rfc} has no §${section}`);
    else if (rfc) links.push(`https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`);
    else problems.push(`§${section} names no RFC`);
  }
  for (const [link, file = '', anchor] of withoutUrls.matchAll(DOC_LINK)) {
    if (documentExists(file, anchor)) links.push(link);
    else problems.push(`${link} does not exist`);
  }
  const prose = withoutUrls.replace(DOC_LINK, ' ').replace(/RFC\s?\d{3,5}/g, ' ');
  for (const [code] of prose.matchAll(CODE)) {
    const anchor = code.toLowerCase();
    if (behaviorAnchors.has(anchor)) links.push(`${BEHAVIOR_DOC}#${anchor}`);
    else problems.push(`${code} has no section in ${BEHAVIOR_DOC}`);
  }
  if (links.length === 0 && problems.length === 0)
    problems.push('points at nothing a reader can open (no RFC section, URL, behaviour code or repository document)');
  return { links: [...new Set(links)], problems };
}

/** The `<a id="…">` anchors of docs/okta-behavior.md. */
export function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/<a id="([\w-]+)"><\/a>/g)].map(([, anchor = '']) => anchor));
}

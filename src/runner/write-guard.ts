// The run never writes to a resource it did not create. Any PUT/PATCH/DELETE to a
// resource path must name an id the run created, or an id made of the run's own
// prefix (used for "unknown id" checks, which cannot exist on the server).
const RESOURCE_PATH = /^\/?(Users|Groups|[A-Z][A-Za-z]+)\/([^/?#]+)/;
const WRITE_METHODS = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

export function guardWrite(method: string, path: string, owns: (id: string) => boolean, prefix: string): string | null {
  if (!WRITE_METHODS.has(method.toUpperCase())) return null;
  const m = RESOURCE_PATH.exec(path);
  if (!m) return null; // POST to a collection, or a non-resource endpoint
  if (m[1] === 'Schemas' || m[1] === 'ResourceTypes' || m[1] === 'ServiceProviderConfig') return null;
  const id = decodeURIComponent(m[2]);
  if (owns(id) || id.includes(prefix)) return null;
  return `refusing ${method.toUpperCase()} ${path}: resource ${id} was not created by this run`;
}

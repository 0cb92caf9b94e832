// The admin guide's example (fixtures/mapping/example-eptura) as a validate-mapping command line.
export const EXAMPLE_MAPPING_DIR = 'fixtures/mapping/example-eptura';

/** `validate-mapping` of one mapping file of the example against its app schema and the eptura profile. */
export function validateExampleMapping(mapping = 'mapping.json', opts: { samples?: boolean } = {}): string[] {
  const args = [
    'validate-mapping',
    '--mapping',
    `${EXAMPLE_MAPPING_DIR}/${mapping}`,
    '--app-schema',
    `${EXAMPLE_MAPPING_DIR}/app-schema.json`,
    '--profile',
    'eptura',
  ];
  return opts.samples === false ? args : [...args, '--samples', `${EXAMPLE_MAPPING_DIR}/samples.yaml`];
}

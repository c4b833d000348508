/** A registry operation refused for bad input (unknown code, wrong parent…); message in Vietnamese. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}

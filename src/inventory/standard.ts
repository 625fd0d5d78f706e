/**
 * The loaders the command line reads inventories with: the built-in ones (src/inventory) plus the
 * interchange formats (ArchiMate, …, src/interop) and the flat catalogues (src/catalogue). A worker thread
 * that loads the same inventory again (silo-thread.ts) registers the same set, so both threads read a
 * path the same way. Registering twice is a no-op.
 */
import { registerLoader } from './index.js';
import { registerInteropLoaders } from '../interop/index.js';
import { registerCatalogueLoaders } from '../catalogue/index.js';

export function registerStandardLoaders(): void {
  registerInteropLoaders(registerLoader);
  registerCatalogueLoaders(registerLoader);
}

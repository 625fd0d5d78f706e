/**
 * linkedom, the server-side DOM the views draw into and the report's chart sanitiser parses with, loaded on
 * first use: it is among the slowest modules to load, and a run without views never needs a DOM. It is
 * required (its CommonJS build) rather than imported so the synchronous report renderer can load it too;
 * every caller goes through here, so one copy is loaded.
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');

let linkedom: Linkedom | undefined;

export function linkedomModule(): Linkedom {
  return (linkedom ??= createRequire(import.meta.url)('linkedom') as Linkedom);
}

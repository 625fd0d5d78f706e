/**
 * The Neo4j store: push an inventory and its analysis, read an inventory back, run the cookbook queries.
 * Model and discipline: src/neo4j/schema.ts and push.ts; manual: docs/cypher-cookbook.md.
 */
export {
  CONNECTION_DEFAULTS,
  connect,
  describeTarget,
  openDriver,
  redactSecrets,
  redactUri,
  resolveConnection,
  storeError,
  withStore,
  type ConnectionFlags,
  type Neo4jConnection,
  type Neo4jStore,
  type OpenOptions,
} from './connection.js';
export {
  DEFAULTS as PUSH_DEFAULTS,
  IncompleteBatchError,
  clearNamespace,
  listNamespaces,
  namespaceStatus,
  newPushId,
  pushInventory,
  type NamespaceStatus,
  type PushOptions,
  type PushProgress,
  type PushResult,
} from './push.js';
export { loadInventoryFromNeo4j, readInventory, storeSourcePath } from './pull.js';
export { COOKBOOK, RECIPE_NAMES, runRecipe, type CookbookRecipe, type RecipeName } from './cookbook.js';
export { CONSTRAINTS, META_LABEL, NODE_LABELS, NODE_PROPERTIES, RELATIONSHIPS, ensureSchema } from './schema.js';

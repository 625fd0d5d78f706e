/** Push defaults, apart from push.ts so the command line can show them without loading the Neo4j driver. */
export const PUSH_DEFAULTS = {
  /**
   * Rows per write transaction. Past a few thousand rows the round trip is amortised, and bigger batches
   * only keep more transaction state alive across the server's garbage collections: on the national
   * inventory, batches of 2,000 cost the server about 10% less CPU than 5,000 and 30% less than 20,000.
   */
  batchSize: 2_000,
  /** Deletions per transaction in cleanup. */
  cleanupBatchSize: 10_000,
  /**
   * Batches in flight at once, each a transaction on its own server thread. Three keep two server cores
   * busy while the client encodes the next batch and a finished one commits; relationship batches that
   * share end nodes only queue briefly for each other's commit locks, which Neo4j takes in sorted order.
   */
  concurrency: 3,
};

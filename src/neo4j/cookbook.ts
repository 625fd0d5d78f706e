/**
 * The Cypher cookbook: questions analysts ask of the Neo4j store, as parameterised queries. This module
 * is the single source: docs/cypher-cookbook.md quotes each query verbatim and test/neo4j/cookbook.test.ts
 * checks both that the doc still does and that every query answers its question on a hand-made store.
 *
 * Every query takes `$namespace` (the inventory inside the database, "default" unless pushed under
 * another) and reads only what a push wrote; none recomputes an analysis.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import type { Neo4jStore } from './connection.js';

export interface CookbookRecipe {
  /** Heading in the doc. */
  title: string;
  /** What the query answers and how to read its rows. */
  question: string;
  cypher: string;
  /** Parameters besides $namespace, with an example value each (used in the doc). */
  params: Record<string, { describe: string; example: string | number }>;
}

export const COOKBOOK = {
  siloApplications: {
    title: 'Silo applications of an agency',
    question:
      'Which applications of an agency — or of a local government together with its OPDs — exchange with nothing outside their own agency? One row per application, costliest first, with the silo finding that flagged it.',
    cypher: `MATCH (top:Agency {namespace: $namespace, id: $agency})
MATCH (unit:Agency {namespace: $namespace})
WHERE unit = top OR (unit)-[:PART_OF*1..3]->(top)
MATCH (unit)-[:OWNS]->(app:Application)
WHERE app.silo IS NOT NULL
RETURN app.id AS application, app.name AS name, unit.id AS agency,
       app.silo AS silo, app.siloReason AS reason,
       coalesce(app.assessedAnnualCost, app.annualCost) AS annualCost
ORDER BY annualCost DESC, application`,
    params: { agency: { describe: 'agency id; a regency, city or province includes its units', example: 'kab-sleman' } },
  },
  duplicatesOfFunction: {
    title: 'All duplicates of a function',
    question:
      'Which duplicate clusters serve a function, and which applications are in them? `$function` is a reference code; a shorter code includes everything under it (RAB.03 covers RAB.03.01). One row per member; the keeper is the one to consolidate onto.',
    cypher: `MATCH (cluster:DuplicateCluster {namespace: $namespace})
WHERE cluster.function = $function OR cluster.function STARTS WITH $function + '.'
MATCH (app:Application)-[member:MEMBER_OF]->(cluster)
MATCH (owner:Agency)-[:OWNS]->(app)
RETURN cluster.id AS cluster, cluster.function AS function, cluster.label AS label,
       app.id AS application, app.name AS name, owner.id AS agency, member.keeper AS keeper,
       coalesce(app.assessedAnnualCost, app.annualCost) AS annualCost,
       cluster.savingsExpected AS clusterSavingsExpected
ORDER BY cluster.savingsExpected DESC, cluster, member.ordinal`,
    params: { function: { describe: 'function code or a prefix of one', example: 'RAB.03' } },
  },
  savingsByWave: {
    title: 'Savings by wave',
    question:
      'How much do the recommendations save per implementation wave (IDR per year: low, expected, high), and how much once every wave up to this one is done?',
    cypher: `MATCH (rec:Recommendation {namespace: $namespace})
WITH rec.wave AS wave, count(rec) AS recommendations, collect(DISTINCT rec.kind) AS kinds,
     sum(rec.savingsLow) AS low, sum(rec.savingsExpected) AS expected, sum(rec.savingsHigh) AS high
ORDER BY wave
WITH collect({wave: wave, recommendations: recommendations, kinds: kinds, low: low, expected: expected, high: high}) AS waves
UNWIND range(0, size(waves) - 1) AS i
WITH waves[i] AS w, reduce(total = 0, x IN waves[0..i + 1] | total + x.expected) AS cumulativeExpected
RETURN w.wave AS wave, w.recommendations AS recommendations, w.kinds AS kinds,
       w.low AS low, w.expected AS expected, w.high AS high, cumulativeExpected
ORDER BY wave`,
    params: {},
  },
  integrationPath: {
    title: 'Shortest integration path between two agencies',
    question:
      'Through which applications could data travel from one agency to another over existing exchanges (in either direction)? Returns the shortest route: its applications, their agencies and the mechanisms on the way; no row when the two are not connected within 10 exchanges.',
    cypher: `MATCH path = SHORTEST 1
  (:Agency {namespace: $namespace, id: $from})-[:OWNS]->(:Application)
  (()-[:EXCHANGES]-()){0,10}
  (:Application)<-[:OWNS]-(:Agency {namespace: $namespace, id: $to})
WITH nodes(path)[1..-1] AS route, relationships(path)[1..-1] AS hops
RETURN size(hops) AS exchanges,
       [app IN route | app.id] AS applications,
       [app IN route | app.agencyId] AS agencies,
       [hop IN hops | hop.id] AS exchangeIds,
       [hop IN hops | coalesce(hop.mechanism, 'unknown')] AS mechanisms`,
    params: {
      from: { describe: 'agency id where the data starts', example: 'kemenpan' },
      to: { describe: 'agency id where it should arrive', example: 'dinkes-sleman' },
    },
  },
  siloRanking: {
    title: 'Agencies ranked by silo score',
    question: 'Which agencies are the most siloed, with the numbers behind their score? Ties broken by how many applications they hold.',
    cypher: `MATCH (agency:Agency {namespace: $namespace})
WHERE agency.siloScore IS NOT NULL
RETURN agency.id AS agency, agency.name AS name, agency.siloScore AS siloScore,
       agency.applications AS applications, agency.isolatedApplications AS isolated,
       agency.crossAgencyShare AS crossAgencyShare, agency.community AS community
ORDER BY siloScore DESC, applications DESC, agency
LIMIT $limit`,
    params: { limit: { describe: 'how many agencies', example: 10 } },
  },
} as const satisfies Record<string, CookbookRecipe>;

export type RecipeName = keyof typeof COOKBOOK;
export const RECIPE_NAMES = Object.keys(COOKBOOK) as RecipeName[];

/** A row with Neo4j Integers turned into numbers, so callers (and JSON) see plain values. */
export type PlainRow = Record<string, unknown>;

export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Runs one recipe against the store's namespace. Whole-number parameters go as Neo4j Integers. */
export async function runRecipe(store: Neo4jStore, name: RecipeName, params: Record<string, string | number> = {}): Promise<PlainRow[]> {
  const recipe: CookbookRecipe = COOKBOOK[name];
  const values: Record<string, unknown> = { namespace: store.namespace };
  for (const key of Object.keys(recipe.params)) {
    const value = params[key];
    if (value === undefined) throw new Error(`cookbook recipe "${name}" needs the parameter $${key} (${recipe.params[key]!.describe})`);
    values[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
  const result = await store.driver.executeQuery(recipe.cypher, values, { database: store.database, routing: 'READ' });
  return result.records.map((r) => plain(r.toObject()) as PlainRow);
}

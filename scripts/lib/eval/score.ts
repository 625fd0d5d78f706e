/**
 * Scores predicted duplicate clusters against a ground truth: B-cubed precision, recall and F1 (Bagga and
 * Baldwin, "Algorithms for scoring coreference chains", 1998; Amigó et al., "A comparison of extrinsic
 * clustering evaluation metrics based on formal constraints", 2009), pairwise precision, recall and F1, and
 * the number of look-alike traps a prediction breaks.
 *
 * Items and singletons, exactly:
 * - Every application of the inventory is an item, whether or not any cluster lists it.
 * - An item's predicted cluster is the duplicate cluster that lists it, or the item alone when none does;
 *   its true cluster likewise. Rows of one system that form no duplicate cluster (SRIKANDI listed by ten
 *   units) are ten singletons on both sides: listing a platform is adoption, not duplication.
 * - B-cubed over all items: precision(i) = |P(i) ∩ T(i)| / |P(i)|, recall(i) = |P(i) ∩ T(i)| / |T(i)|,
 *   averaged with equal weight per item; F1 = 2PR/(P+R) of the two averages. A correct singleton scores
 *   1 and 1, so this figure rises with the share of applications nobody clusters.
 * - B-cubed over involved items: the same averages over the items that some predicted OR some true
 *   cluster lists — the figure that says how good the clusters themselves are.
 * - Pairwise: the pairs of items sharing a cluster; precision = true pairs predicted / pairs predicted,
 *   recall = true pairs predicted / true pairs (singletons give no pairs).
 * - An item listed by two predicted clusters counts in the first; an overlap is reported as `overlaps`.
 * - A trap (applications that look alike but do different jobs) is broken when two of its applications
 *   share a predicted cluster.
 */

export interface ClusterScore {
  items: number;
  bcubed: { precision: number; recall: number; f1: number };
  /** B-cubed over the items some predicted or true cluster lists. */
  involved: { items: number; precision: number; recall: number; f1: number };
  pairwise: { precision: number; recall: number; f1: number; predictedPairs: number; truePairs: number; correctPairs: number };
  predictedClusters: number;
  trueClusters: number;
  traps: number;
  trapsBroken: number;
  /** Items listed by more than one predicted cluster (should be 0). */
  overlaps: number;
}

export interface ScoreInput {
  /** Every application id of the inventory. */
  items: readonly string[];
  predicted: ReadonlyArray<readonly string[]>;
  truth: ReadonlyArray<readonly string[]>;
  traps?: ReadonlyArray<readonly string[]>;
}

/** Item → cluster index (first cluster wins), plus the overlap count. */
function assign(clusters: ReadonlyArray<readonly string[]>, known: ReadonlySet<string>): { of: Map<string, number>; sizes: number[]; overlaps: number } {
  const of = new Map<string, number>();
  const sizes: number[] = [];
  let overlaps = 0;
  clusters.forEach((members, c) => {
    let size = 0;
    for (const id of new Set(members)) {
      if (!known.has(id)) continue;
      if (of.has(id)) {
        overlaps++;
        continue;
      }
      of.set(id, c);
      size++;
    }
    sizes.push(size);
  });
  return { of, sizes, overlaps };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export function scoreClusters(input: ScoreInput): ClusterScore {
  const known = new Set(input.items);
  const pred = assign(input.predicted, known);
  const truth = assign(input.truth, known);

  // Contingency of (predicted cluster, true cluster) overlaps; singletons are their own -1-keyed cells.
  const overlap = new Map<string, number>();
  for (const [id, p] of pred.of) {
    const t = truth.of.get(id);
    if (t === undefined) continue;
    const key = `${p}|${t}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }

  let pSum = 0;
  let rSum = 0;
  let pInvolved = 0;
  let rInvolved = 0;
  let involved = 0;
  for (const id of known) {
    const p = pred.of.get(id);
    const t = truth.of.get(id);
    const pSize = p === undefined ? 1 : pred.sizes[p]!;
    const tSize = t === undefined ? 1 : truth.sizes[t]!;
    const common = p === undefined || t === undefined ? 1 : overlap.get(`${p}|${t}`)!;
    const precision = common / pSize;
    const recall = common / tSize;
    pSum += precision;
    rSum += recall;
    if (p !== undefined || t !== undefined) {
      involved++;
      pInvolved += precision;
      rInvolved += recall;
    }
  }
  const n = known.size;
  const bp = n === 0 ? 1 : pSum / n;
  const br = n === 0 ? 1 : rSum / n;
  const ip = involved === 0 ? 1 : pInvolved / involved;
  const ir = involved === 0 ? 1 : rInvolved / involved;

  let correctPairs = 0;
  for (const c of overlap.values()) correctPairs += pairs(c);
  const predictedPairs = pred.sizes.reduce((s, k) => s + pairs(k), 0);
  const truePairs = truth.sizes.reduce((s, k) => s + pairs(k), 0);
  const pp = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const pr = truePairs === 0 ? 1 : correctPairs / truePairs;

  const traps = input.traps ?? [];
  let trapsBroken = 0;
  for (const trap of traps) {
    const seen = new Set<number>();
    let broken = false;
    for (const id of trap) {
      const c = pred.of.get(id);
      if (c === undefined) continue;
      if (seen.has(c)) broken = true;
      seen.add(c);
    }
    if (broken) trapsBroken++;
  }

  return {
    items: n,
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    involved: { items: involved, precision: ip, recall: ir, f1: f1(ip, ir) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr), predictedPairs, truePairs, correctPairs },
    predictedClusters: pred.sizes.filter((s) => s > 0).length,
    trueClusters: truth.sizes.filter((s) => s > 0).length,
    traps: traps.length,
    trapsBroken,
    overlaps: pred.overlaps,
  };
}

/** The mean of each figure over several scores (inventories weigh equally). */
export function meanScore(scores: readonly ClusterScore[]): ClusterScore {
  const m = (get: (s: ClusterScore) => number) => scores.reduce((sum, s) => sum + get(s), 0) / Math.max(1, scores.length);
  const total = (get: (s: ClusterScore) => number) => scores.reduce((sum, s) => sum + get(s), 0);
  return {
    items: total((s) => s.items),
    bcubed: { precision: m((s) => s.bcubed.precision), recall: m((s) => s.bcubed.recall), f1: m((s) => s.bcubed.f1) },
    involved: { items: total((s) => s.involved.items), precision: m((s) => s.involved.precision), recall: m((s) => s.involved.recall), f1: m((s) => s.involved.f1) },
    pairwise: {
      precision: m((s) => s.pairwise.precision),
      recall: m((s) => s.pairwise.recall),
      f1: m((s) => s.pairwise.f1),
      predictedPairs: total((s) => s.pairwise.predictedPairs),
      truePairs: total((s) => s.pairwise.truePairs),
      correctPairs: total((s) => s.pairwise.correctPairs),
    },
    predictedClusters: total((s) => s.predictedClusters),
    trueClusters: total((s) => s.trueClusters),
    traps: total((s) => s.traps),
    trapsBroken: total((s) => s.trapsBroken),
    overlaps: total((s) => s.overlaps),
  };
}

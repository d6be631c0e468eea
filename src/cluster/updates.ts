/**
 * Lance–Williams update rules of R's `hclust`: the distance from cluster k
 * to the union of clusters i (survivor) and j, from d_ik, d_jk, d_ij and the
 * sizes m_i, m_j, m_k before the merge. Each is evaluated in the order R's
 * Fortran evaluates it, so the results agree to the last bit.
 * Reference: Lance & Williams (1967), Comput. J. 9:373; R's `?hclust`.
 */
import type { Method } from "../options.js";

export type Update = (dik: number, djk: number, dij: number, mi: number, mj: number, mk: number) => number;

/** ward.D (and ward.D2 on squared distances). */
const ward: Update = (dik, djk, dij, mi, mj, mk) =>
  ((mi + mk) * dik + (mj + mk) * djk - mk * dij) / (mi + mj + mk);

export const UPDATES: Record<Method, Update> = {
  "ward.D": ward,
  "ward.D2": ward,
  single: (dik, djk) => (dik < djk ? dik : djk),
  complete: (dik, djk) => (dik > djk ? dik : djk),
  average: (dik, djk, _dij, mi, mj) => (mi * dik + mj * djk) / (mi + mj),
  mcquitty: (dik, djk) => 0.5 * dik + 0.5 * djk,
  median: (dik, djk, dij) => 0.5 * dik + 0.5 * djk - 0.25 * dij,
  centroid: (dik, djk, dij, mi, mj) => (mi * dik + mj * djk - (mi * mj * dij) / (mi + mj)) / (mi + mj),
};

/** Percentile of a sorted-on-demand sample (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (xs: number[]) => percentile(xs, 50);
export const fmt = (n: number, digits = 2) => n.toFixed(digits);

package io.mlpbench.dataset;

import java.util.SplittableRandom;

/**
 * The training order of every route: the permutation for epoch e depends only on (seed, e), so
 * every route of a run sees exactly the same batches in the same order.
 */
public final class BatchOrder {
  private BatchOrder() {}

  /** A Fisher-Yates permutation of 0..n-1 for the given seed and epoch (epochs count from 1). */
  public static int[] permutation(long seed, int epoch, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Mix the epoch into the seed so epochs differ but each is reproducible on its own.
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}

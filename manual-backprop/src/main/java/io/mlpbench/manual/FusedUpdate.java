package io.mlpbench.manual;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Optimizer updates over a range of one parameter array, each a single pass reading the gradient
 * once: SGD, and Adam updating m, v and theta together.
 */
final class FusedUpdate {
  private static final VectorSpecies<Float> SPECIES = Gemm.SPECIES;

  private FusedUpdate() {}

  /** theta -= lr * g over [from, to). */
  static void sgd(float[] theta, float[] g, int from, int to, float lr) {
    int k = from;
    for (int end = from + SPECIES.loopBound(to - from); k < end; k += SPECIES.length()) {
      FloatVector t = FloatVector.fromArray(SPECIES, theta, k);
      FloatVector d = FloatVector.fromArray(SPECIES, g, k);
      t.sub(d.mul(lr)).intoArray(theta, k);
    }
    for (; k < to; k++) {
      theta[k] -= lr * g[k];
    }
  }

  /**
   * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; theta -= stepSize * m / (sqrt(v) + epsHat),
   * over [from, to). See {@link AdamStep} for how both Adam forms map onto stepSize and epsHat.
   *
   * <p>m and v are flushed to zero below {@link Float#MIN_NORMAL}, as TensorFlow's flush-to-zero
   * mode does for every route's arithmetic there. Why: a weight whose gradient stops (a dead ReLU
   * unit, a pixel no later batch lights) has m decay by b1 each step into the subnormal range,
   * where it stays (0.9 times the smallest subnormal rounds back to it), and on Intel cores every
   * operation on a subnormal is a microcode assist: after 5 MNIST epochs 3% of m was subnormal and
   * the update took 2x as long; on the same batch 3,000 times, 23% and 10x (issue 18). Such an m
   * moves theta by under 1e-30, below half an ulp of any weight, so no weight changes.
   */
  static void adam(
      float[] theta,
      float[] g,
      float[] m,
      float[] v,
      int from,
      int to,
      float b1,
      float b2,
      float stepSize,
      float epsHat) {
    float c1 = 1 - b1;
    float c2 = 1 - b2;
    int k = from;
    for (int end = from + SPECIES.loopBound(to - from); k < end; k += SPECIES.length()) {
      FloatVector gk = FloatVector.fromArray(SPECIES, g, k);
      FloatVector mk = flushSubnormal(FloatVector.fromArray(SPECIES, m, k).mul(b1).add(gk.mul(c1)));
      FloatVector vk =
          flushSubnormal(FloatVector.fromArray(SPECIES, v, k).mul(b2).add(gk.mul(gk).mul(c2)));
      mk.intoArray(m, k);
      vk.intoArray(v, k);
      FloatVector t = FloatVector.fromArray(SPECIES, theta, k);
      t.sub(mk.mul(stepSize).div(vk.sqrt().add(epsHat))).intoArray(theta, k);
    }
    for (; k < to; k++) {
      float gk = g[k];
      float mk = flushSubnormal(b1 * m[k] + c1 * gk);
      float vk = flushSubnormal(b2 * v[k] + gk * gk * c2);
      m[k] = mk;
      v[k] = vk;
      theta[k] -= stepSize * mk / ((float) Math.sqrt(vk) + epsHat);
    }
  }

  /** x, or 0 where |x| is below {@link Float#MIN_NORMAL} (subnormal). */
  static FloatVector flushSubnormal(FloatVector x) {
    return x.blend(0f, x.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
  }

  static float flushSubnormal(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
  }
}

package io.mlpbench.manual;

import jdk.incubator.vector.FloatVector;
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
      FloatVector mk = FloatVector.fromArray(SPECIES, m, k).mul(b1).add(gk.mul(c1));
      FloatVector vk = FloatVector.fromArray(SPECIES, v, k).mul(b2).add(gk.mul(gk).mul(c2));
      mk.intoArray(m, k);
      vk.intoArray(v, k);
      FloatVector t = FloatVector.fromArray(SPECIES, theta, k);
      t.sub(mk.mul(stepSize).div(vk.sqrt().add(epsHat))).intoArray(theta, k);
    }
    for (; k < to; k++) {
      float gk = g[k];
      float mk = b1 * m[k] + c1 * gk;
      float vk = b2 * v[k] + gk * gk * c2;
      m[k] = mk;
      v[k] = vk;
      theta[k] -= stepSize * mk / ((float) Math.sqrt(vk) + epsHat);
    }
  }
}

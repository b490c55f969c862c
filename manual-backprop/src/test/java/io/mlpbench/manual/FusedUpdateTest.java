package io.mlpbench.manual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Adam's fused update: the textbook float formula for normal moments, and flush-to-zero for
 * subnormal ones. Arrays are two vectors and 3 floats long, so both the vector loop and the scalar
 * tail are covered.
 */
class FusedUpdateTest {
  private static final int N = 2 * Gemm.LANES + 3;
  private static final float B1 = 0.9f;
  private static final float B2 = 0.999f;
  private static final float STEP = 1e-3f;
  private static final float EPS = 1e-7f;

  @Test
  void normalMomentsFollowTheTextbookFormulaBitForBit() {
    Random random = new Random(7);
    float[] theta = new float[N];
    float[] g = new float[N];
    float[] m = new float[N];
    float[] v = new float[N];
    for (int k = 0; k < N; k++) {
      theta[k] = (float) random.nextGaussian() * 0.05f;
      g[k] = (float) random.nextGaussian() * 1e-3f;
      m[k] = (float) random.nextGaussian() * 1e-3f;
      v[k] = (float) Math.abs(random.nextGaussian()) * 1e-6f;
    }
    float[] expectedTheta = theta.clone();
    float[] expectedM = new float[N];
    float[] expectedV = new float[N];
    for (int k = 0; k < N; k++) { // written out independently of FusedUpdate
      expectedM[k] = B1 * m[k] + (1 - B1) * g[k];
      expectedV[k] = B2 * v[k] + g[k] * g[k] * (1 - B2);
      expectedTheta[k] -= STEP * expectedM[k] / ((float) Math.sqrt(expectedV[k]) + EPS);
    }

    FusedUpdate.adam(theta, g, m, v, 0, N, B1, B2, STEP, EPS);

    assertArrayEquals(expectedM, m);
    assertArrayEquals(expectedV, v);
    assertArrayEquals(expectedTheta, theta);
  }

  @Test
  void subnormalMomentsOfAStoppedGradientAreFlushedAndNoWeightMoves() {
    float[] theta = new float[N];
    float[] g = new float[N]; // the gradient has stopped
    float[] m = new float[N];
    float[] v = new float[N];
    for (int k = 0; k < N; k++) {
      theta[k] = 0.01f * (k + 1);
      // without the flush, 0.9 x the smallest subnormal rounds back to it: m would never leave
      m[k] = k % 2 == 0 ? Float.MIN_VALUE : Float.MIN_NORMAL;
      v[k] = Float.MIN_NORMAL * 1.05f; // 0.999 x this is still normal ... until it is not
    }
    float[] before = theta.clone();

    FusedUpdate.adam(theta, g, m, v, 0, N, B1, B2, STEP, EPS);

    for (int k = 0; k < N; k++) {
      assertEquals(0f, m[k], "m[" + k + "]: 0.9 x " + (k % 2 == 0 ? "MIN_VALUE" : "MIN_NORMAL"));
      assertEquals(B2 * (Float.MIN_NORMAL * 1.05f), v[k], "v[" + k + "] is still normal: kept");
    }
    assertArrayEquals(before, theta, "a moment under 1e-30 moves no weight");
    assertEquals(Float.MIN_VALUE, B1 * Float.MIN_VALUE, "the trap the flush avoids");
  }
}

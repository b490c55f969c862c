package io.mlpbench.manual;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Register-tile variants timed alone, to find one C2 compiles well without type profiles. */
public class TileVariants {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
  static final int L = 16;

  /** 4 x 2 tile, the shape of MicroKernel's, accumulators as locals (baseline). */
  static void locals(float[] pa, int aOff, float[] pb, int bOff, int kc, float[] c, int ldc) {
    FloatVector c00 = FloatVector.fromArray(S, c, 0), c01 = FloatVector.fromArray(S, c, L);
    FloatVector c10 = FloatVector.fromArray(S, c, ldc), c11 = FloatVector.fromArray(S, c, ldc + L);
    for (int p = 0; p < kc; p++) {
      int ap = aOff + p * 2, bp = bOff + p * 2 * L;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp), b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
    }
    c00.intoArray(c, 0); c01.intoArray(c, L); c10.intoArray(c, ldc); c11.intoArray(c, ldc + L);
  }

  /** The same with the loop-carried value as receiver of fma: b0.fma(a0, c) -> c as 3rd arg still. */
  static void bReceiver(float[] pa, int aOff, float[] pb, int bOff, int kc, float[] c, int ldc) {
    FloatVector c00 = FloatVector.fromArray(S, c, 0), c01 = FloatVector.fromArray(S, c, L);
    FloatVector c10 = FloatVector.fromArray(S, c, ldc), c11 = FloatVector.fromArray(S, c, ldc + L);
    for (int p = 0; p < kc; p++) {
      int ap = aOff + p * 2, bp = bOff + p * 2 * L;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp), b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11);
    }
    c00.intoArray(c, 0); c01.intoArray(c, L); c10.intoArray(c, ldc); c11.intoArray(c, ldc + L);
  }

  /** No loop-carried vector: each step reloads the partial sums from c (L1) and stores them. */
  static void memory(float[] pa, int aOff, float[] pb, int bOff, int kc, float[] c, int ldc) {
    for (int p = 0; p < kc; p++) {
      int ap = aOff + p * 2, bp = bOff + p * 2 * L;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp), b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      a0.fma(b0, FloatVector.fromArray(S, c, 0)).intoArray(c, 0);
      a0.fma(b1, FloatVector.fromArray(S, c, L)).intoArray(c, L);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      a1.fma(b0, FloatVector.fromArray(S, c, ldc)).intoArray(c, ldc);
      a1.fma(b1, FloatVector.fromArray(S, c, ldc + L)).intoArray(c, ldc + L);
    }
  }

  public static void main(String[] args) {
    String v = args[0];
    int kc = 256;
    float[] pa = new float[2 * kc], pb = new float[2 * L * kc], c = new float[2 * 2 * L];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < pa.length; i++) pa[i] = r.nextFloat() * 1e-3f;
    for (int i = 0; i < pb.length; i++) pb[i] = r.nextFloat() * 1e-3f;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      int n = 100_000;
      for (int i = 0; i < n; i++) {
        switch (v) {
          case "locals" -> locals(pa, 0, pb, 0, kc, c, 2 * L);
          case "bReceiver" -> bReceiver(pa, 0, pb, 0, kc, c, 2 * L);
          default -> memory(pa, 0, pb, 0, kc, c, 2 * L);
        }
      }
      System.out.printf("%s: %.1f GFLOP/s%n", v, 2.0 * 2 * 2 * L * kc * n / (System.nanoTime() - t0));
    }
  }
}

package io.mlpbench.manual;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link Gemm} (12 x 2 vectors for AVX-512, 6 x 2 for AVX2): C(tile) = A
 * sliver times B sliver, both packed so that every step p reads consecutive memory (A: the tile's
 * rows at p, B: its vectors at p). All accumulators live in registers for the whole k loop; indices
 * are linear in p, so C2 hoists the range checks out of the loop.
 */
final class MicroKernel {
  static final VectorSpecies<Float> S = Gemm.SPECIES;
  static final int L = Gemm.LANES;

  private MicroKernel() {}

  /**
   * C(12 x 2 vectors at cOff, row stride ldc) = A sliver (12 x kc at aOff, element (r, p) at p 12 +
   * r) times B sliver (kc x 2 vectors at bOff, row p at p 2 LANES), starting from 0, or, with
   * {@code accumulate}, continuing each element's FMA chain from the value stored in C (a later k
   * block). 24 accumulators + 2 B vectors + 1 broadcast: 27 vector registers.
   */
  static void tile12x2(
      float[] pa,
      int aOff,
      float[] pb,
      int bOff,
      int kc,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    FloatVector c00 = accumulate ? FloatVector.fromArray(S, c, cOff) : FloatVector.zero(S);
    FloatVector c01 = accumulate ? FloatVector.fromArray(S, c, cOff + L) : FloatVector.zero(S);
    FloatVector c10 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 1 * ldc) : FloatVector.zero(S);
    FloatVector c11 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 1 * ldc + L) : FloatVector.zero(S);
    FloatVector c20 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c40 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 4 * ldc + L) : FloatVector.zero(S);
    FloatVector c50 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 5 * ldc) : FloatVector.zero(S);
    FloatVector c51 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 5 * ldc + L) : FloatVector.zero(S);
    FloatVector c60 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 6 * ldc) : FloatVector.zero(S);
    FloatVector c61 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 6 * ldc + L) : FloatVector.zero(S);
    FloatVector c70 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 7 * ldc) : FloatVector.zero(S);
    FloatVector c71 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 7 * ldc + L) : FloatVector.zero(S);
    FloatVector c80 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 8 * ldc) : FloatVector.zero(S);
    FloatVector c81 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 8 * ldc + L) : FloatVector.zero(S);
    FloatVector c90 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 9 * ldc) : FloatVector.zero(S);
    FloatVector c91 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 9 * ldc + L) : FloatVector.zero(S);
    FloatVector c100 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 10 * ldc) : FloatVector.zero(S);
    FloatVector c101 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 10 * ldc + L) : FloatVector.zero(S);
    FloatVector c110 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 11 * ldc) : FloatVector.zero(S);
    FloatVector c111 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 11 * ldc + L) : FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int ap = aOff + p * 12;
      int bp = bOff + p * 2 * L;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(S, pa[ap + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      FloatVector a5 = FloatVector.broadcast(S, pa[ap + 5]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
      FloatVector a6 = FloatVector.broadcast(S, pa[ap + 6]);
      c60 = a6.fma(b0, c60);
      c61 = a6.fma(b1, c61);
      FloatVector a7 = FloatVector.broadcast(S, pa[ap + 7]);
      c70 = a7.fma(b0, c70);
      c71 = a7.fma(b1, c71);
      FloatVector a8 = FloatVector.broadcast(S, pa[ap + 8]);
      c80 = a8.fma(b0, c80);
      c81 = a8.fma(b1, c81);
      FloatVector a9 = FloatVector.broadcast(S, pa[ap + 9]);
      c90 = a9.fma(b0, c90);
      c91 = a9.fma(b1, c91);
      FloatVector a10 = FloatVector.broadcast(S, pa[ap + 10]);
      c100 = a10.fma(b0, c100);
      c101 = a10.fma(b1, c101);
      FloatVector a11 = FloatVector.broadcast(S, pa[ap + 11]);
      c110 = a11.fma(b0, c110);
      c111 = a11.fma(b1, c111);
    }
    c00.intoArray(c, cOff);
    c01.intoArray(c, cOff + L);
    c10.intoArray(c, cOff + 1 * ldc);
    c11.intoArray(c, cOff + 1 * ldc + L);
    c20.intoArray(c, cOff + 2 * ldc);
    c21.intoArray(c, cOff + 2 * ldc + L);
    c30.intoArray(c, cOff + 3 * ldc);
    c31.intoArray(c, cOff + 3 * ldc + L);
    c40.intoArray(c, cOff + 4 * ldc);
    c41.intoArray(c, cOff + 4 * ldc + L);
    c50.intoArray(c, cOff + 5 * ldc);
    c51.intoArray(c, cOff + 5 * ldc + L);
    c60.intoArray(c, cOff + 6 * ldc);
    c61.intoArray(c, cOff + 6 * ldc + L);
    c70.intoArray(c, cOff + 7 * ldc);
    c71.intoArray(c, cOff + 7 * ldc + L);
    c80.intoArray(c, cOff + 8 * ldc);
    c81.intoArray(c, cOff + 8 * ldc + L);
    c90.intoArray(c, cOff + 9 * ldc);
    c91.intoArray(c, cOff + 9 * ldc + L);
    c100.intoArray(c, cOff + 10 * ldc);
    c101.intoArray(c, cOff + 10 * ldc + L);
    c110.intoArray(c, cOff + 11 * ldc);
    c111.intoArray(c, cOff + 11 * ldc + L);
  }

  /**
   * The AVX2 tile (16 vector registers): as {@link #tile12x2} with 6 rows, A sliver element (r, p)
   * at p 6 + r. 12 accumulators + 2 B vectors + 1 broadcast: 15 vector registers.
   */
  static void tile6x2(
      float[] pa,
      int aOff,
      float[] pb,
      int bOff,
      int kc,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    FloatVector c00 = accumulate ? FloatVector.fromArray(S, c, cOff) : FloatVector.zero(S);
    FloatVector c01 = accumulate ? FloatVector.fromArray(S, c, cOff + L) : FloatVector.zero(S);
    FloatVector c10 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 1 * ldc) : FloatVector.zero(S);
    FloatVector c11 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 1 * ldc + L) : FloatVector.zero(S);
    FloatVector c20 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c40 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 4 * ldc + L) : FloatVector.zero(S);
    FloatVector c50 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 5 * ldc) : FloatVector.zero(S);
    FloatVector c51 =
        accumulate ? FloatVector.fromArray(S, c, cOff + 5 * ldc + L) : FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int ap = aOff + p * 6;
      int bp = bOff + p * 2 * L;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(S, pa[ap + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      FloatVector a5 = FloatVector.broadcast(S, pa[ap + 5]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
    }
    c00.intoArray(c, cOff);
    c01.intoArray(c, cOff + L);
    c10.intoArray(c, cOff + 1 * ldc);
    c11.intoArray(c, cOff + 1 * ldc + L);
    c20.intoArray(c, cOff + 2 * ldc);
    c21.intoArray(c, cOff + 2 * ldc + L);
    c30.intoArray(c, cOff + 3 * ldc);
    c31.intoArray(c, cOff + 3 * ldc + L);
    c40.intoArray(c, cOff + 4 * ldc);
    c41.intoArray(c, cOff + 4 * ldc + L);
    c50.intoArray(c, cOff + 5 * ldc);
    c51.intoArray(c, cOff + 5 * ldc + L);
  }
}

package io.mlpbench.manual;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked float matrix multiply C = A B on the Vector API, for the three products of
 * backpropagation: A W (forward), A^T dZ (weight gradient) and dZ W^T (input gradient, with W^T a
 * transposed copy so B is always read along its rows).
 *
 * <p>The micro-kernel keeps a 6 x 2 block of C in registers: 6 rows of A, broadcast one element at
 * a time, times 2 vectors of a row of B, i.e. 12 accumulators and 12 FMAs per 2 vector loads (15 of
 * the 32 AVX-512 registers). A 4 x 4 block (16 accumulators + 4 B vectors) was reported to box
 * vectors on Java 17's C2 (5.7x slower); 6 x 2 stays in registers on Java 17 and beat the 4 x 2
 * block in interleaved A/B runs here (best round 98-141 vs 90-95 GFLOP/s single-threaded; medians
 * equal within the noise of a shared machine). Rows left over use a 4 x 2, then 1 x 2 kernel. Loops
 * run column panel outermost so the panel of B (k x 2 vectors) stays in L1/L2 while every row block
 * of A passes over it. A may be read transposed through its strides, so A^T dZ needs no copy.
 * Column tails are handled by padding (n is always whole vectors, see {@link #multiply}).
 *
 * <p>Every element of C is a sum over p in increasing order computed by one thread, so the result
 * does not depend on how rows are split between threads.
 */
final class Gemm {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();

  /**
   * Callers split rows between threads in multiples of this (the 6-row kernel handles the rest).
   */
  static final int ROW_BLOCK = 4;

  private Gemm() {}

  /** {@code n} rounded up to a whole number of vectors: the padded width of every C and B. */
  static int padded(int n) {
    return (n + LANES - 1) / LANES * LANES;
  }

  /**
   * A row stride for a matrix {@code n} wide: {@link #padded}, plus one vector when that is a
   * multiple of 32 floats. Rows a power-of-two-ish distance apart map to few L1 sets, so reading
   * down a column (A^T dZ reads A that way) evicts its own lines: with 512-float rows only 2 of 64
   * sets are used. An odd number of 64-byte lines spreads them over all sets.
   */
  static int rowStride(int n) {
    int ld = padded(n);
    return ld % 32 == 0 ? ld + LANES : ld;
  }

  /**
   * C(i, j) = sum over p in [0, k) of A(i, p) B(p, j), for rows i in [i0, i1) and columns j in [0,
   * n), then {@code epilogue} on those rows. A(i, p) = a[aOffset + i * aRow + p * aCol] (aRow =
   * lda, aCol = 1 for A itself; aRow = 1, aCol = lda to read a stored matrix transposed); B(p, j) =
   * b[p * ldb + j]; C(i, j) = c[i * ldc + j]. {@code n} must be a multiple of {@link #LANES}:
   * callers pad B and C with zero columns (see {@link #padded}), which keeps every load and store a
   * whole vector (masked stores are scalar loops on Java 17).
   */
  static void multiply(
      float[] a,
      int aOffset,
      int aRow,
      int aCol,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i0,
      int i1,
      int k,
      int n,
      Epilogue epilogue,
      float[] bias,
      float[] gate) {
    if (n % LANES != 0) {
      throw new IllegalArgumentException("n = " + n + " is not a multiple of " + LANES + " lanes");
    }
    int j = 0;
    for (; j + 2 * LANES <= n; j += 2 * LANES) {
      int i = i0;
      for (; i + 6 <= i1; i += 6) {
        block6x2(a, aOffset + i * aRow, aRow, aCol, b, ldb, j, c, i * ldc + j, ldc, k);
      }
      for (; i + ROW_BLOCK <= i1; i += ROW_BLOCK) {
        block4x2(a, aOffset + i * aRow, aRow, aCol, b, ldb, j, c, i * ldc + j, ldc, k);
      }
      for (; i < i1; i++) {
        block1x2(a, aOffset + i * aRow, aCol, b, ldb, j, c, i * ldc + j, k);
      }
      epilogue.apply(c, ldc, i0, i1, j, j + 2 * LANES, bias, gate);
    }
    if (j < n) { // one last panel of a single vector
      int i = i0;
      for (; i + ROW_BLOCK <= i1; i += ROW_BLOCK) {
        block4x1(a, aOffset + i * aRow, aRow, aCol, b, ldb, j, c, i * ldc + j, ldc, k);
      }
      for (; i < i1; i++) {
        block1x1(a, aOffset + i * aRow, aCol, b, ldb, j, c, i * ldc + j, k);
      }
      epilogue.apply(c, ldc, i0, i1, j, n, bias, gate);
    }
  }

  /** The main kernel: 6 rows x 2 vectors, 12 accumulators (+ 2 B vectors + 1 broadcast). */
  private static void block6x2(
      float[] a,
      int a0,
      int aRow,
      int aCol,
      float[] b,
      int ldb,
      int j,
      float[] c,
      int c0,
      int ldc,
      int k) {
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = FloatVector.zero(SPECIES);
    FloatVector c10 = FloatVector.zero(SPECIES);
    FloatVector c11 = FloatVector.zero(SPECIES);
    FloatVector c20 = FloatVector.zero(SPECIES);
    FloatVector c21 = FloatVector.zero(SPECIES);
    FloatVector c30 = FloatVector.zero(SPECIES);
    FloatVector c31 = FloatVector.zero(SPECIES);
    FloatVector c40 = FloatVector.zero(SPECIES);
    FloatVector c41 = FloatVector.zero(SPECIES);
    FloatVector c50 = FloatVector.zero(SPECIES);
    FloatVector c51 = FloatVector.zero(SPECIES);
    int ap = a0;
    int bp = j;
    for (int p = 0; p < k; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ap]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(SPECIES, a[ap + aRow]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(SPECIES, a[ap + 4 * aRow]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(SPECIES, a[ap + 5 * aRow]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      ap += aCol;
      bp += ldb;
    }
    c00.intoArray(c, c0);
    c01.intoArray(c, c0 + LANES);
    c10.intoArray(c, c0 + ldc);
    c11.intoArray(c, c0 + ldc + LANES);
    c20.intoArray(c, c0 + 2 * ldc);
    c21.intoArray(c, c0 + 2 * ldc + LANES);
    c30.intoArray(c, c0 + 3 * ldc);
    c31.intoArray(c, c0 + 3 * ldc + LANES);
    c40.intoArray(c, c0 + 4 * ldc);
    c41.intoArray(c, c0 + 4 * ldc + LANES);
    c50.intoArray(c, c0 + 5 * ldc);
    c51.intoArray(c, c0 + 5 * ldc + LANES);
  }

  private static void block4x2(
      float[] a,
      int a0,
      int aRow,
      int aCol,
      float[] b,
      int ldb,
      int j,
      float[] c,
      int c0,
      int ldc,
      int k) {
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = FloatVector.zero(SPECIES);
    FloatVector c10 = FloatVector.zero(SPECIES);
    FloatVector c11 = FloatVector.zero(SPECIES);
    FloatVector c20 = FloatVector.zero(SPECIES);
    FloatVector c21 = FloatVector.zero(SPECIES);
    FloatVector c30 = FloatVector.zero(SPECIES);
    FloatVector c31 = FloatVector.zero(SPECIES);
    int ap = a0;
    int bp = j;
    for (int p = 0; p < k; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ap]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(SPECIES, a[ap + aRow]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      ap += aCol;
      bp += ldb;
    }
    c00.intoArray(c, c0);
    c01.intoArray(c, c0 + LANES);
    c10.intoArray(c, c0 + ldc);
    c11.intoArray(c, c0 + ldc + LANES);
    c20.intoArray(c, c0 + 2 * ldc);
    c21.intoArray(c, c0 + 2 * ldc + LANES);
    c30.intoArray(c, c0 + 3 * ldc);
    c31.intoArray(c, c0 + 3 * ldc + LANES);
  }

  private static void block1x2(
      float[] a, int a0, int aCol, float[] b, int ldb, int j, float[] c, int c0, int k) {
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = FloatVector.zero(SPECIES);
    int ap = a0;
    int bp = j;
    for (int p = 0; p < k; p++) {
      FloatVector x = FloatVector.broadcast(SPECIES, a[ap]);
      c00 = x.fma(FloatVector.fromArray(SPECIES, b, bp), c00);
      c01 = x.fma(FloatVector.fromArray(SPECIES, b, bp + LANES), c01);
      ap += aCol;
      bp += ldb;
    }
    c00.intoArray(c, c0);
    c01.intoArray(c, c0 + LANES);
  }

  private static void block4x1(
      float[] a,
      int a0,
      int aRow,
      int aCol,
      float[] b,
      int ldb,
      int j,
      float[] c,
      int c0,
      int ldc,
      int k) {
    FloatVector c0v = FloatVector.zero(SPECIES);
    FloatVector c1v = FloatVector.zero(SPECIES);
    FloatVector c2v = FloatVector.zero(SPECIES);
    FloatVector c3v = FloatVector.zero(SPECIES);
    int ap = a0;
    int bp = j;
    for (int p = 0; p < k; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
      c0v = FloatVector.broadcast(SPECIES, a[ap]).fma(b0, c0v);
      c1v = FloatVector.broadcast(SPECIES, a[ap + aRow]).fma(b0, c1v);
      c2v = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]).fma(b0, c2v);
      c3v = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]).fma(b0, c3v);
      ap += aCol;
      bp += ldb;
    }
    c0v.intoArray(c, c0);
    c1v.intoArray(c, c0 + ldc);
    c2v.intoArray(c, c0 + 2 * ldc);
    c3v.intoArray(c, c0 + 3 * ldc);
  }

  private static void block1x1(
      float[] a, int a0, int aCol, float[] b, int ldb, int j, float[] c, int c0, int k) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int ap = a0;
    int bp = j;
    for (int p = 0; p < k; p++) {
      acc = FloatVector.broadcast(SPECIES, a[ap]).fma(FloatVector.fromArray(SPECIES, b, bp), acc);
      ap += aCol;
      bp += ldb;
    }
    acc.intoArray(c, c0);
  }
}

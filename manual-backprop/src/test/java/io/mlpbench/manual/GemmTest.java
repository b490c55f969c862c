package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked GEMM equals, bit for bit, one float FMA chain per element over p in order (which is
 * what makes training deterministic for any thread count), on shapes that cross every block edge: k
 * past {@link Gemm#KC} (two k blocks continue the chain through C), rows past {@link Gemm#MC},
 * columns past {@link Gemm#NC}, partial register tiles in both directions; A and B each read as
 * stored and transposed through their strides; C split into 1, 2 and 3 parts. Cells of C outside
 * the product (row padding to ldc, rows past m) must keep their sentinel value.
 */
class GemmTest {
  private static final float SENTINEL = -7.25f;

  @ParameterizedTest(name = "{0}x{1} times {1}x{2}, A transposed {3}, B transposed {4}")
  @CsvSource({
    "1, 1, 16, false, false",
    "13, 257, 48, false, false",
    "13, 257, 48, true, false",
    "13, 257, 48, false, true",
    "37, 5, 80, true, true",
    "800, 37, 64, false, false",
    "20, 9, 1056, false, false",
    "20, 9, 1056, false, true",
    "3, 260, 1056, true, false"
  })
  void equalsOneFmaChainPerElementForAnySplit(
      int m, int k, int n, boolean transposed, boolean bTransposed) {
    SplittableRandom random = new SplittableRandom(m * 31L + k * 7L + n);
    int lda = transposed ? m + 3 : k + 5; // strides wider than the matrix, as in training
    int aOffset = 11;
    float[] a = new float[aOffset + (transposed ? k : m) * lda];
    fill(a, random);
    // B (k x n) stored as is, or as its transpose (n x k) with rows ldb apart
    int ldb = bTransposed ? k + 3 : n + Gemm.LANES;
    float[] b = new float[(bTransposed ? n : k) * ldb];
    fill(b, random);
    int bRow = bTransposed ? 1 : ldb;
    int bCol = bTransposed ? ldb : 1;
    int aRow = transposed ? 1 : lda;
    int aCol = transposed ? lda : 1;
    int ldc = n + Gemm.LANES;
    float[] expected = reference(a, aOffset, aRow, aCol, b, bRow, bCol, m, k, n, ldc);
    for (int parts = 1; parts <= 3; parts++) {
      // B packed by every call, and packed whole once beforehand (then b itself is not read)
      for (boolean whole : new boolean[] {false, true}) {
        Gemm gemm = new Gemm(parts);
        float[] packed = null;
        if (whole) {
          packed = new float[Gemm.wholeSize(k, n)];
          for (int part = parts - 1; part >= 0; part--) { // any order: disjoint slivers
            gemm.packWholeB(part, parts, b, bRow, bCol, k, n, packed);
          }
        }
        float[] c = new float[(m + 1) * ldc];
        java.util.Arrays.fill(c, SENTINEL);
        for (int part = 0; part < parts; part++) {
          gemm.multiply(
              part,
              parts,
              a,
              aOffset,
              aRow,
              aCol,
              whole ? new float[0] : b,
              bRow,
              bCol,
              packed,
              c,
              ldc,
              m,
              k,
              n,
              Epilogue.NONE,
              null,
              null);
        }
        assertThat(c).as("%d parts, B packed whole %s", parts, whole).containsExactly(expected);
      }
    }
  }

  /**
   * Both register tiles, whichever one this machine's vector width makes {@link Gemm} use: each
   * output of a packed sliver product is one FMA chain over p, and {@code accumulate} continues the
   * chain from the value in C (a later k block).
   */
  @ParameterizedTest(name = "{0} rows, k = {1}")
  @CsvSource({"12, 1", "12, 37", "6, 1", "6, 37"})
  void eachRegisterTileIsOneFmaChainPerElement(int rows, int k) {
    SplittableRandom random = new SplittableRandom(rows * 101L + k);
    int width = 2 * Gemm.LANES;
    float[] pa = new float[rows * k]; // element (r, p) at p rows + r
    float[] pb = new float[k * width]; // element (p, j) at p width + j
    fill(pa, random);
    fill(pb, random);
    int ldc = width + 3;
    float[] start = new float[rows * ldc];
    fill(start, random);
    for (boolean accumulate : new boolean[] {false, true}) {
      float[] c = start.clone();
      if (rows == 12) {
        MicroKernel.tile12x2(pa, 0, pb, 0, k, c, 0, ldc, accumulate);
      } else {
        MicroKernel.tile6x2(pa, 0, pb, 0, k, c, 0, ldc, accumulate);
      }
      float[] expected = start.clone();
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < width; j++) {
          float acc = accumulate ? start[r * ldc + j] : 0f;
          for (int p = 0; p < k; p++) {
            acc = Math.fma(pa[p * rows + r], pb[p * width + j], acc);
          }
          expected[r * ldc + j] = acc;
        }
      }
      assertThat(c).as("accumulate %s", accumulate).containsExactly(expected);
    }
  }

  /** C(i, j) = fma chain over p from 0f; everything outside the m x n product stays SENTINEL. */
  private static float[] reference(
      float[] a,
      int aOffset,
      int aRow,
      int aCol,
      float[] b,
      int bRow,
      int bCol,
      int m,
      int k,
      int n,
      int ldc) {
    float[] c = new float[(m + 1) * ldc];
    java.util.Arrays.fill(c, SENTINEL);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float acc = 0f;
        for (int p = 0; p < k; p++) {
          acc = Math.fma(a[aOffset + i * aRow + p * aCol], b[p * bRow + j * bCol], acc);
        }
        c[i * ldc + j] = acc;
      }
    }
    return c;
  }

  private static void fill(float[] x, SplittableRandom random) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
  }
}

package io.mlpbench.manual;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Blocked float matrix multiply C = A B (GotoBLAS / BLIS structure) for the three products of
 * backpropagation: A W (forward), A^T dZ (weight gradient, A read transposed through its strides)
 * and dZ W^T (input gradient, W read transposed through its strides: no transposed copy).
 *
 * <p>One generic loop nest around one register tile ({@link MicroKernel}):
 *
 * <pre>
 * for jc in columns, step NC          B panel   (KC x NC, packed, L2/L3)
 *   for pc in k, step KC              pack B(pc.., jc..) into slivers of NR columns
 *     for ic in rows, step MC         pack A(ic.., pc..) into slivers of MR rows  (L2)
 *       for jr in the panel, step NR  one B sliver (KC x NR) stays in L1 ...
 *         for ir in the block, step MR   ... while A slivers stream past it from L2
 *           tile: C(MR x NR) += A sliver * B sliver, accumulators in registers
 * </pre>
 *
 * <p>Packing copies each operand block once into the order the tile reads it, so the tile's loads
 * are consecutive whatever the source strides (A^T costs nothing extra) and its indices are linear
 * in p. Edges are padded with zeros in the packed buffers; a tile that hangs over C's edge is
 * computed into a small buffer and its valid part copied back, so there is one tile kernel.
 *
 * <p>Determinism: every element of C is one chain of float FMAs over p in increasing order starting
 * from 0; a k block continues the chain from the stored (exactly representable) partial sum. Which
 * thread computes an element, and where blocks start, therefore changes no bit.
 */
final class Gemm {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();

  /**
   * Whether the vectors are 512 bits wide (AVX-512: 32 vector registers) or narrower (AVX2: 16).
   * The register tile and the cache blocks are chosen per width; a tile whose accumulators do not
   * fit the register file spills every step (12 x 2 on AVX2 ran at 41 GFLOP/s per core against 6 x
   * 2's 74, operands in L1, AMD Zen 3).
   */
  static final boolean WIDE = LANES >= 16;

  /**
   * Rows of the register tile, two vectors wide. AVX-512: 12 x 2 vectors (12 x 32 floats), BLIS's
   * Skylake-X sgemm tile: 24 accumulators + 2 B vectors + 1 broadcast = 27 of 32 registers, 24 FMAs
   * per 2 vector loads and 12 broadcasts, more than the 8 independent chains (2 FMA ports x 4
   * cycles) both ports need; measured equal to 6 x 4 at n = 2048, and it wastes less on narrow
   * outputs (the 10 classes are one 16-float vector). AVX2: 6 x 2 vectors (6 x 16 floats), BLIS's
   * Haswell/Zen sgemm tile: 12 accumulators + 2 B vectors + 1 broadcast = 15 of 16 registers.
   */
  static final int MR = WIDE ? 12 : 6;

  /** Columns of the register tile: 2 vectors. */
  static final int NR = 2 * LANES;

  /**
   * Depth of a k block: one B sliver (KC x NR floats) stays in L1 while the A slivers stream past
   * it. AVX-512: 32 KiB of a 48 KiB L1; AVX2: 16 KiB of a 32 KiB L1 (KC 256, as BLIS on Zen), which
   * leaves room for the A sliver being read and the C tile.
   */
  static final int KC = (WIDE ? 8 : 4) * 1024 / NR;

  /**
   * Rows of an A block, MC x KC floats kept in L2 while B slivers pass: AVX-512 768 KiB of a 2 MiB
   * L2; AVX2 144 rows (144 KiB, BLIS's Zen sgemm block) of a 512 KiB L2.
   */
  static final int MC = WIDE ? 768 * 256 / KC / MR * MR : 144;

  /** Columns of a B panel: KC x NC floats (1 MiB), read from L2/L3 once per A block. */
  static final int NC = 1024 * 256 / KC / NR * NR;

  private final float[][] packedA;
  private final float[][] packedB;
  private final float[][] edge;

  /** Per thread: offsets of a B sliver's NR columns in a transposed B, for gathering its rows. */
  private final int[][] columnOffsets;

  /** Packing buffers for {@code parts} threads, allocated once (~1.8 MiB per thread). */
  Gemm(int parts) {
    packedA = new float[parts][MC * KC];
    packedB = new float[parts][NC * KC];
    edge = new float[parts][MR * NR];
    columnOffsets = new int[parts][NR];
  }

  /** {@code n} rounded up to a whole number of vectors: the padded width of every C and B. */
  static int padded(int n) {
    return roundUp(n, LANES);
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

  /** Floats of B (k x n) packed whole by {@link #packWholeB}: every k block's slivers. */
  static int wholeSize(int k, int n) {
    return roundUp(n, NR) * k;
  }

  /**
   * Part {@code part}'s share (whole slivers) of B (k x n, strides as in {@link #multiply}) packed
   * into {@code packed} in the order {@link #multiply} reads it, for every k block and any split:
   * the k block at pc starts at roundUp(n, NR) pc and holds the sliver of columns from j at j kc.
   * For an operand that outlives many products (a model's weights at inference).
   */
  void packWholeB(
      int part, int parts, float[] b, int bRow, int bCol, int k, int n, float[] packed) {
    int j0 = WorkerPool.start(n, part, parts, NR);
    int j1 = WorkerPool.end(n, part, parts, NR);
    if (j0 >= j1) {
      return;
    }
    int kStep = kStep(k);
    for (int pc = 0; pc < k; pc += kStep) {
      int kc = Math.min(kStep, k - pc);
      packB(
          b,
          bRow,
          bCol,
          pc,
          kc,
          j0,
          j1 - j0,
          packed,
          wholeOffset(n, pc, j0, kc),
          columnOffsets[part]);
    }
  }

  /** Where a whole packing of B holds the k block at pc (kc deep) from column j on. */
  private static int wholeOffset(int n, int pc, int j, int kc) {
    return roundUp(n, NR) * pc + j * kc;
  }

  /** Depth of each k block: balanced, 784 = 4 x 196 rather than 3 x 256 + 16. */
  private static int kStep(int k) {
    int kBlocks = Math.max(1, (k + KC - 1) / KC);
    return Math.max(1, (k + kBlocks - 1) / kBlocks); // >= 1: k = 0 is one empty block
  }

  private static int roundUp(int n, int multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }

  /**
   * Part {@code part} of {@code parts} of C = A B for C (m x n), then {@code epilogue} on that
   * part. A(i, p) = a[aOffset + i * aRow + p * aCol] (aRow = lda, aCol = 1 for A itself; aRow = 1,
   * aCol = lda to read a stored matrix transposed); likewise B(p, j) = b[p * bRow + j * bCol] (bRow
   * = ldb, bCol = 1, or bRow = 1, bCol = ldb for a transposed B); C(i, j) = c[i * ldc + j]. {@code
   * n} must be a multiple of {@link #LANES}: callers pad B and C with zero columns (see {@link
   * #padded}; a transposed B needs zero rows there), which keeps every load and store a whole
   * vector (masked stores are scalar loops on Java 17). Parts split the longer of C's two sides, so
   * the operand every part packs in full (B when rows are split, A when columns are) is the smaller
   * one. {@code wholeB}, when not null, is B already packed whole by {@link #packWholeB} (b, bRow
   * and bCol are then not read): the same slivers, so the same bits, without packing B per call.
   */
  void multiply(
      int part,
      int parts,
      float[] a,
      int aOffset,
      int aRow,
      int aCol,
      float[] b,
      int bRow,
      int bCol,
      float[] wholeB,
      float[] c,
      int ldc,
      int m,
      int k,
      int n,
      Epilogue epilogue,
      float[] bias,
      float[] gate) {
    if (n % LANES != 0) {
      throw new IllegalArgumentException("n = " + n + " is not a multiple of " + LANES + " lanes");
    }
    int i0 = 0;
    int i1 = m;
    int j0 = 0;
    int j1 = n;
    if (m >= n) {
      i0 = WorkerPool.start(m, part, parts, MR);
      i1 = WorkerPool.end(m, part, parts, MR);
    } else {
      j0 = WorkerPool.start(n, part, parts, NR);
      j1 = WorkerPool.end(n, part, parts, NR);
    }
    if (i0 >= i1 || j0 >= j1) {
      return;
    }
    float[] pa = packedA[part];
    float[] pb = wholeB != null ? wholeB : packedB[part];
    int kStep = kStep(k);
    int kBlocks = Math.max(1, roundUp(k, kStep) / kStep);
    int mBlocks = (i1 - i0 + MC - 1) / MC;
    int mStep = ((i1 - i0 + mBlocks - 1) / mBlocks + MR - 1) / MR * MR;
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int kb = 0; kb < kBlocks; kb++) {
        int pc = kb * kStep;
        int kc = Math.min(kStep, k - pc);
        boolean last = kb == kBlocks - 1;
        int bBase = 0;
        if (wholeB != null) {
          bBase = wholeOffset(n, pc, jc, kc);
        } else {
          packB(b, bRow, bCol, pc, kc, jc, nc, pb, 0, columnOffsets[part]);
        }
        for (int ic = i0; ic < i1; ic += mStep) {
          int mc = Math.min(mStep, i1 - ic);
          packA(a, aOffset, aRow, aCol, ic, mc, pc, kc, pa);
          for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
              int mr = Math.min(MR, mc - ir);
              int cOff = (ic + ir) * ldc + jc + jr;
              tile(part, pa, ir * kc, pb, bBase + jr * kc, kc, c, cOff, ldc, mr, nr, kb > 0);
              if (last) {
                epilogue.apply(c, ldc, ic + ir, ic + ir + mr, jc + jr, jc + jr + nr, bias, gate);
              }
            }
          }
        }
      }
    }
  }

  /** One register tile; one that hangs over C's edge goes through a full-size buffer. */
  private void tile(
      int part,
      float[] pa,
      int aOff,
      float[] pb,
      int bOff,
      int kc,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      boolean accumulate) {
    if (mr == MR && nr == NR) {
      registerTile(pa, aOff, pb, bOff, kc, c, cOff, ldc, accumulate);
      return;
    }
    float[] t = edge[part];
    if (accumulate) {
      for (int r = 0; r < mr; r++) {
        System.arraycopy(c, cOff + r * ldc, t, r * NR, nr);
      }
    }
    registerTile(pa, aOff, pb, bOff, kc, t, 0, NR, accumulate);
    for (int r = 0; r < mr; r++) {
      System.arraycopy(t, r * NR, c, cOff + r * ldc, nr);
    }
  }

  /** The register tile for this vector width (a constant branch: C2 keeps one of the two). */
  private static void registerTile(
      float[] pa,
      int aOff,
      float[] pb,
      int bOff,
      int kc,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    if (WIDE) {
      MicroKernel.tile12x2(pa, aOff, pb, bOff, kc, c, cOff, ldc, accumulate);
    } else {
      MicroKernel.tile6x2(pa, aOff, pb, bOff, kc, c, cOff, ldc, accumulate);
    }
  }

  /**
   * Packs rows [ic, ic + mc) x depth [pc, pc + kc) of A into slivers of MR rows: sliver s starts at
   * s MR kc and holds A(row, p) at p MR + (row - s MR); rows past mc are zero.
   */
  private static void packA(
      float[] a, int aOffset, int aRow, int aCol, int ic, int mc, int pc, int kc, float[] pa) {
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int base = ir * kc;
      int src = aOffset + (ic + ir) * aRow + pc * aCol;
      if (aCol == 1) { // A's rows are contiguous: read along them
        for (int r = 0; r < mr; r++) {
          int from = src + r * aRow;
          for (int p = 0; p < kc; p++) {
            pa[base + p * MR + r] = a[from + p];
          }
        }
      } else { // read across the rows at each p (contiguous when A is read transposed)
        for (int p = 0; p < kc; p++) {
          int from = src + p * aCol;
          int to = base + p * MR;
          for (int r = 0; r < mr; r++) {
            pa[to + r] = a[from + r * aRow];
          }
        }
      }
      if (mr < MR) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(pa, base + p * MR + mr, base + (p + 1) * MR, 0f);
        }
      }
    }
  }

  /**
   * Packs depth [pc, pc + kc) x columns [jc, jc + nc) of B into slivers of NR columns: sliver s
   * starts at dst + s NR kc and holds B(p, col) at p NR + (col - s NR); columns past nc are zero. A
   * transposed B (W^T of dZ W^T) is gathered: each row of a sliver is NR floats bCol apart, two
   * vector gathers (2x the scalar copy's speed, AVX-512; {@code offsets} is scratch space).
   */
  private static void packB(
      float[] b,
      int bRow,
      int bCol,
      int pc,
      int kc,
      int jc,
      int nc,
      float[] pb,
      int dst,
      int[] offsets) {
    for (int j = 0; j < NR; j++) {
      offsets[j] = j * bCol;
    }
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int base = dst + jr * kc;
      int src = pc * bRow + (jc + jr) * bCol;
      if (bCol == 1) { // B's rows are contiguous: copy along them
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, src + p * bRow, pb, base + p * NR, nr);
        }
      } else if (nr == NR) { // B transposed, a whole sliver: gather each row
        for (int p = 0; p < kc; p++) {
          int from = src + p * bRow;
          int to = base + p * NR;
          FloatVector.fromArray(SPECIES, b, from, offsets, 0).intoArray(pb, to);
          FloatVector.fromArray(SPECIES, b, from, offsets, LANES).intoArray(pb, to + LANES);
        }
      } else { // B transposed, the last narrow sliver: each of its columns is a contiguous run
        for (int j = 0; j < nr; j++) {
          int from = src + j * bCol;
          for (int p = 0; p < kc; p++) {
            pb[base + p * NR + j] = b[from + p * bRow];
          }
        }
      }
      if (nr < NR) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(pb, base + p * NR + nr, base + (p + 1) * NR, 0f);
        }
      }
    }
  }
}

package io.mlpbench.manual;

/** Register tile alone, operands in L1: GFLOP/s per core. And Gemm 2048 on 1 thread. */
public class TileProbe {
  public static void main(String[] args) {
    int kc = Gemm.KC;
    float[] pa = new float[Gemm.MR * kc];
    float[] pb = new float[Gemm.NR * kc];
    float[] c = new float[Gemm.MR * Gemm.NR];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < pa.length; i++) pa[i] = r.nextFloat();
    for (int i = 0; i < pb.length; i++) pb[i] = r.nextFloat();
    for (int rep = 0; rep < 8; rep++) {
      long t0 = System.nanoTime();
      int iters = 200_000;
      for (int i = 0; i < iters; i++) {
        MicroKernel.tile12x2(pa, 0, pb, 0, kc, c, 0, Gemm.NR, false);
      }
      long t = System.nanoTime() - t0;
      double flops = 2.0 * Gemm.MR * Gemm.NR * kc * iters;
      System.out.printf("tile MR=%d NR=%d KC=%d: %.1f GFLOP/s%n", Gemm.MR, Gemm.NR, kc, flops / t);
    }
    int n = 2048;
    float[] a = new float[n * n], b = new float[n * n], cc = new float[n * n];
    for (int i = 0; i < a.length; i++) { a[i] = r.nextFloat(); b[i] = r.nextFloat(); }
    Gemm g = new Gemm(1);
    for (int rep = 0; rep < 6; rep++) {
      long t0 = System.nanoTime();
      g.multiply(0, 1, a, 0, n, 1, b, n, 1, null, cc, n, n, n, n, Epilogue.NONE, null, null);
      long t = System.nanoTime() - t0;
      System.out.printf("gemm 2048 1 thread: %.1f GFLOP/s%n", 2.0 * n * n * (double) n / t);
    }
  }
}

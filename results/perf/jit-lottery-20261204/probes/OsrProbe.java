package io.mlpbench.manual;

/** Does the OSR-compiled tile12x2 box its accumulators? One long call (OSR) vs later calls. */
public class OsrProbe {
  public static void main(String[] args) {
    int kc = Integer.parseInt(args[0]);
    float[] pa = new float[12 * kc], pb = new float[32 * kc], c = new float[12 * 32];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < pa.length; i++) pa[i] = r.nextFloat() * 1e-3f;
    for (int i = 0; i < pb.length; i++) pb[i] = r.nextFloat() * 1e-3f;
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 6; rep++) {
      long a0 = mx.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
      MicroKernel.tile12x2(pa, 0, pb, 0, kc, c, 0, 32, rep % 2 == 1);
      long t = System.nanoTime() - t0, a = mx.getCurrentThreadAllocatedBytes() - a0;
      System.out.printf("call %d: %.1f GFLOP/s, %.1f bytes per k step%n", rep, 2.0 * 12 * 32 * kc / t, (double) a / kc);
    }
  }
}

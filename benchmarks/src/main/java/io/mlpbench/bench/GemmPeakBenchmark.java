package io.mlpbench.bench;

import io.mlpbench.core.GemmProvider;
import io.mlpbench.core.launch.ParentWatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What FP32 rate can this machine practically reach? One large square SGEMM ({@code C = A B}, 2 n^3
 * FLOPs) per invocation through a route module's fastest native library ({@link GemmProvider}); the
 * runner takes the best library as "the machine's peak" and reads every route's GFLOP/s as a
 * fraction of it.
 *
 * <p>What would make the number lie: a library that skips work (the product is checked against a
 * double-precision reference in setup), a matrix too small to reach peak (n = 2048 by default: ~17
 * GFLOP per call, far beyond cache), copying operands in and out per call (they stay in the
 * library's memory; only the multiply is timed), a thread count different from the routes' (it is
 * the same {@code threads} parameter), and turbo/thermal drift (the same error caveats as routes).
 */
public class GemmPeakBenchmark extends RouteBenchmarkBase {

  @State(Scope.Benchmark)
  public static class Operands {
    /**
     * {@link GemmProvider#library()} of the provider to time; {@code auto} takes the first found.
     */
    @Param("auto")
    public String library;

    @Param("2048")
    public int size;

    @Param("0")
    public int threads;

    GemmProvider.Kernel kernel;
    private String used;

    @Setup(Level.Trial)
    public void setUp() {
      ParentWatch.start(); // as RouteState: a JMH fork must not outlive its JMH host
      GemmProvider provider = find(library);
      used = provider.library();
      int n = size;
      SplittableRandom random = new SplittableRandom(42);
      float[] a = new float[n * n];
      float[] b = new float[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) (random.nextDouble() * 2 - 1);
        b[i] = (float) (random.nextDouble() * 2 - 1);
      }
      kernel =
          provider.create(
              n, a, b, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
      kernel.multiply();
      verify(n, a, b, kernel.product(), random);
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
      if (kernel != null) {
        kernel.close();
      }
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("kind", "gemm");
      record.put("benchmark", params.getBenchmark());
      record.put("library", used);
      record.put("size", size);
      record.put("threads", threads);
      record.put("peakRssKb", MemoryProbe.peakRssKb());
      record.put("pid", ProcessHandle.current().pid());
      Sidecar.append(record);
    }
  }

  @Benchmark
  public float multiply(Operands operands) {
    return operands.kernel.multiply();
  }

  /** The providers on this classpath, by {@link GemmProvider#library()}. */
  static List<String> libraries() {
    List<String> names = new ArrayList<>();
    for (GemmProvider p : ServiceLoader.load(GemmProvider.class)) {
      names.add(p.library());
    }
    return names;
  }

  private static GemmProvider find(String library) {
    List<String> seen = new ArrayList<>();
    for (GemmProvider p : ServiceLoader.load(GemmProvider.class)) {
      if (library.equals("auto") || p.library().equals(library)) {
        return p;
      }
      seen.add(p.library());
    }
    throw new IllegalStateException(
        "no GemmProvider with library '" + library + "' on this classpath; found " + seen);
  }

  /** Checks sampled entries of C against a double-precision dot product. */
  static void verify(int n, float[] a, float[] b, float[] c, SplittableRandom random) {
    if (c.length != n * n) {
      throw new IllegalStateException("product has " + c.length + " entries, expected " + n * n);
    }
    for (int s = 0; s < 32; s++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      double exact = 0;
      double magnitude = 0;
      for (int k = 0; k < n; k++) {
        double term = (double) a[i * n + k] * b[k * n + j];
        exact += term;
        magnitude += Math.abs(term);
      }
      // Float summation error is bounded by about n * 2^-24 * sum|terms|; allow twice that.
      double tolerance = n * Math.ulp(1f) * magnitude;
      if (!(Math.abs(c[i * n + j] - exact) <= tolerance)) {
        throw new IllegalStateException(
            "GEMM product wrong at ("
                + i
                + ","
                + j
                + "): got "
                + c[i * n + j]
                + ", expected "
                + exact
                + " +- "
                + tolerance);
      }
    }
  }
}

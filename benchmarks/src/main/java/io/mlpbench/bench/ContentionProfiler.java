package io.mlpbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * What else the machine did during each measurement iteration, recorded beside the score as JMH
 * secondary metrics (so {@code rawData} holds one value per fork and iteration):
 *
 * <ul>
 *   <li>{@code contention.otherCpu}: CPU used by other processes, in cores: the machine's non-idle
 *       time in {@code /proc/stat} minus this JVM's own CPU time, over the wall time;
 *   <li>{@code contention.steal}: % of the machine's CPU time the hypervisor gave to other guests;
 *   <li>{@code contention.loadavg}: the 1-minute {@code /proc/loadavg} at the iteration's end (it
 *       counts this JVM's threads too);
 *   <li>{@code contention.processCpu}: this JVM's CPU time per wall second, in cores; with
 *       samples/s beside it, CPU time per sample;
 *   <li>{@code contention.busy}: 1 when the iteration was measured on a busy machine: other
 *       processes used more than {@link #busyOtherCpuCores} cores, or steal exceeded {@value
 *       #BUSY_STEAL_PERCENT}%. Verdicts built on busy iterations say "inconclusive: machine busy".
 *   <li>{@code contention.contended}: only in forks of {@link ContendedScenario}, the cores of
 *       deliberate load ({@value #COMPETING_CORES} property); they are busy by design, so only
 *       other processes' CPU beyond that load marks them busy.
 * </ul>
 *
 * <p>What it cannot see: interference from outside the machine (a noisy neighbour on the host that
 * does not show as steal). The fork-to-fork measurements in shared/measurements show such
 * slow-downs with an idle {@code /proc/stat}; forks and interleaving are the defence there. Without
 * {@code /proc} (not Linux) it records nothing and no iteration is marked.
 */
public final class ContentionProfiler implements InternalProfiler {
  /** Steal above this % of the machine's CPU time marks an iteration busy. */
  public static final double BUSY_STEAL_PERCENT = 5.0;

  static final String PREFIX = "contention.";

  /** System property of a contended fork: the cores of deliberate competing load. */
  static final String COMPETING_CORES = "mlpbench.bench.competingCores";

  /** Linux reports /proc/stat in USER_HZ, 100 on every architecture the JDK runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private CpuTimes before;
  private long processCpuBefore;
  private long wallBefore;

  /**
   * Other processes' CPU above this marks an iteration busy: a quarter of a core, or a tenth of the
   * machine's cores if that is more. On the suite's 2-core runners a route uses both cores, so a
   * quarter core of other work is already a 10% slow-down for a CPU-bound route.
   */
  public static double busyOtherCpuCores(int cores) {
    return Math.max(0.25, 0.1 * cores);
  }

  @Override
  public String getDescription() {
    return "other processes' CPU, steal and load average per iteration (mlp-bench)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = CpuTimes.read();
    processCpuBefore = processCpuNanos();
    wallBefore = System.nanoTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long wall = System.nanoTime() - wallBefore;
    long processCpu = processCpuNanos() - processCpuBefore;
    CpuTimes after = CpuTimes.read();
    if (before == null || after == null || wall <= 0 || processCpu < 0) {
      return List.of();
    }
    double wallSeconds = wall / 1e9;
    double machineBusy = (after.busy - before.busy) / TICKS_PER_SECOND;
    double otherCpu = Math.max(0, machineBusy - processCpu / 1e9) / wallSeconds;
    long total = after.total - before.total;
    double steal = total <= 0 ? 0 : 100.0 * (after.steal - before.steal) / total;
    int cores = Runtime.getRuntime().availableProcessors();
    double competing = Double.parseDouble(System.getProperty(COMPETING_CORES, "0"));
    boolean busy = otherCpu - competing > busyOtherCpuCores(cores) || steal > BUSY_STEAL_PERCENT;
    List<ScalarResult> metrics =
        new java.util.ArrayList<>(
            List.of(
                metric("otherCpu", otherCpu, "cores"),
                metric("steal", steal, "%"),
                metric("loadavg", loadAverage(), "load"),
                metric("processCpu", processCpu / 1e9 / wallSeconds, "cores"),
                metric("busy", busy ? 1 : 0, "busy")));
    if (competing > 0) {
      metrics.add(metric("contended", competing, "cores"));
    }
    return metrics;
  }

  private static ScalarResult metric(String name, double value, String unit) {
    return new ScalarResult(PREFIX + name, value, unit, AggregationPolicy.AVG);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  /** The machine-wide "cpu" line of /proc/stat, in ticks. */
  record CpuTimes(long busy, long steal, long total) {
    static CpuTimes read() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
          if (line.startsWith("cpu ")) {
            return parse(line);
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or /proc hidden: nothing recorded
      }
      return null;
    }

    /** user nice system idle iowait irq softirq steal [guest guest_nice, already in user/nice]. */
    static CpuTimes parse(String line) {
      String[] f = line.trim().split("\\s+");
      long[] v = new long[8];
      for (int i = 0; i < 8 && i + 1 < f.length; i++) {
        v[i] = Long.parseLong(f[i + 1]);
      }
      long busy = v[0] + v[1] + v[2] + v[5] + v[6];
      long total = busy + v[3] + v[4] + v[7];
      return new CpuTimes(busy, v[7], total);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "busy %d steal %d total %d", busy, steal, total);
    }
  }
}

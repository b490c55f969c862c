package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.TrainingConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Once compiled, a training step allocates nothing, on the calling thread or in the pool.
 *
 * <p>Each measurement runs in a fresh JVM ({@link #main}), up to {@value #JVMS} of them, and the
 * test fails only if every one allocates. JDK 17's C2 compiles the Vector API kernels into register
 * code only with the help of its type profiles (with {@code -XX:-UseTypeProfile} the register tile
 * runs at 1.6 GFLOP/s instead of ~260 on AMD Zen 5; JDK 25 is unaffected), and in a few percent of
 * JVMs a compile of the tile misses a constant and boxes every vector for the JVM's life (seen in 6
 * of ~120 JMH forks, 2026-12-04: 642 MB a step, 20x slower). That is a lottery of one JVM; a real
 * per-step allocation, such as the boxed Adam update this test was written for, shows in every JVM.
 */
class SteadyStateAllocationTest {
  private static final int JVMS = 3;

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void trainingStepsAllocateNothingOnceWarm(OptimizerKind optimizer) throws Exception {
    List<String> failures = new ArrayList<>();
    for (int jvm = 1; jvm <= JVMS; jvm++) {
      Child child = inFreshJvm(optimizer);
      if (child.status == 0) {
        if (!failures.isEmpty()) {
          System.err.printf(
              "%s: steady state clean in JVM %d after %d that allocated:%n%s%n",
              optimizer, jvm, failures.size(), String.join("\n", failures));
        }
        return;
      }
      failures.add("JVM " + jvm + " (exit " + child.status + "): " + child.output.strip());
    }
    fail("every JVM allocated during steady-state steps:\n" + String.join("\n", failures));
  }

  private record Child(int status, String output) {}

  private static Child inFreshJvm(OptimizerKind optimizer)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                SteadyStateAllocationTest.class.getName(),
                optimizer.name())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Child(-1, "timed out after 5 minutes");
    }
    return new Child(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The measurement, in its own JVM: exit 0 if clean, 1 with the reason printed if not. */
  public static void main(String[] args) {
    OptimizerKind optimizer = OptimizerKind.valueOf(args[0]);
    RandomProblem p = RandomProblem.of(new int[] {50, 40, 37, 10}, Activation.RELU, 13, 8);
    TrainingConfig config =
        TrainingConfig.defaults().withOptimizer(optimizer, 1e-3).withThreads(2).withBatchSize(32);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (FastTrainer trainer = new FastTrainer(config, p.parameters())) {
      // Warm up until C2 has compiled the kernels (interpreted Vector API code boxes every vector).
      // Compilation runs in the background and lags on a busy machine, so keep measuring rounds of
      // 200 steps until one is clean, for up to 40 rounds; a real per-step allocation never is.
      long[] ids = poolAndCaller();
      double perStep = Double.NaN;
      for (int round = 0; round < 40; round++) {
        perStep = bytesPerStep(trainer, p, threads, ids, 200);
        if (perStep < 8) {
          break;
        }
      }
      // a single boxed vector or array per step would be >= 64 bytes
      assertThat(perStep).as("bytes allocated per step once warm").isLessThan(8);
      // ... and it stays so: the step's outer methods reach C2 later than the kernels, and C2
      // inlining a kernel into one of them can lose its vector intrinsics and box every vector
      // (seen: Adam's update allocated 38 KB a step from step ~2,000 on, once UpdateJob.run was
      // compiled with two inlined copies of it).
      for (int round = 0; round < 12; round++) {
        assertThat(bytesPerStep(trainer, p, threads, ids, 1_000))
            .as("bytes allocated per step, round %d after warm-up", round)
            .isLessThan(8);
      }
    } catch (AssertionError e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }

  private static double bytesPerStep(
      FastTrainer trainer,
      RandomProblem p,
      com.sun.management.ThreadMXBean threads,
      long[] ids,
      int steps) {
    long before = sum(threads.getThreadAllocatedBytes(ids));
    for (int s = 0; s < steps; s++) {
      trainer.trainStep(p.batch());
    }
    return (sum(threads.getThreadAllocatedBytes(ids)) - before) / (double) steps;
  }

  private static long[] poolAndCaller() {
    List<Long> ids = new ArrayList<>();
    ids.add(Thread.currentThread().getId());
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("manual-backprop-")) {
        ids.add(t.getId());
      }
    }
    assertThat(ids).as("caller and one pool thread").hasSize(2);
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }
}

package io.mlpbench.results.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.TrainRequest;
import io.mlpbench.results.model.AccuracyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real path: the {@code manual} route trained in its own JVM through the worker's train
 * command, on an MNIST subset. Skipped when manual-backprop is not built.
 */
class AccuracyRunnerRouteJvmTest {
  @TempDir static Path dir;

  private static RouteCatalog.Entry manual;

  /** A checkout holding only manual-backprop, so discovery starts one describing JVM, not four. */
  @BeforeAll
  static void discoverManual() throws Exception {
    Path module = Path.of("").toAbsolutePath().getParent().resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);
    RouteCatalog catalog = RouteCatalog.discover(root, 1);
    assertThat(catalog.problems()).isEmpty();
    manual = catalog.select(List.of("manual")).get(0);
  }

  /** manual on 3,000 MNIST images, hidden 64, batch 128, seed 42, 1 thread. */
  private static TrainRequest request(OptimizerKind optimizer, double learningRate, int epochs) {
    return new TrainRequest(
        "manual",
        RunSpec.defaults()
            .withModel(new RunSpec.Model("mnist", List.of(64), Activation.RELU))
            .withTraining(
                RunSpec.defaults()
                    .training()
                    .withOptimizer(optimizer, learningRate)
                    .withBatchSize(128)
                    .withEpochs(epochs)
                    .withSeed(42)
                    .withThreads(1))
            .withData(new RunSpec.Data(3000, 1000, null)));
  }

  @Test
  void trainsInARouteJvmAndMarksADivergingRunFailed() throws Exception {
    AccuracyRunner runner = new AccuracyRunner(RunProgress.NONE, dir.resolve("logs"), 5);
    TrainRequest small = request(OptimizerKind.ADAM, 1e-3, 1);
    AccuracyResult ok = runner.runOne(manual, small);
    assertThat(ok.ok()).as(ok.failure()).isTrue();
    assertThat(ok.epochs()).hasSize(1);
    // chance is 0.10; 24 Adam steps (3,000 images, hidden 64) measured 0.727 here: 0.5 = clearly
    // learned
    assertThat(ok.finalTestAccuracy()).isBetween(0.5, 1.0);
    assertThat(ok.peakRssBytes()).isPositive();
    assertThat(ok.threads()).isEqualTo(1);
    assertThat(dir.resolve("logs/manual-seed42.log")).exists();

    // plain SGD at learning rate 50 blows the loss up within the first epoch
    AccuracyResult failed = runner.runOne(manual, request(OptimizerKind.SGD, 50, 2));
    assertThat(failed.ok()).isFalse();
    assertThat(failed.failedEpoch()).isEqualTo(1);
    assertThat(failed.failure()).containsAnyOf("3 x ln(classes)", "non-finite");
    assertThat(failed.finalTestAccuracy()).isNull();

    // a JVM still running at the timeout is killed and failed (a JVM start alone takes > 100 ms)
    AccuracyRunner impatient =
        new AccuracyRunner(RunProgress.NONE, dir.resolve("logs"), java.time.Duration.ofMillis(100));
    AccuracyResult killed = impatient.runOne(manual, small);
    assertThat(killed.ok()).isFalse();
    assertThat(killed.failure()).contains("killed after the timeout");
  }

  /**
   * A route JVM killed with SIGKILL mid-training (as the OOM killer would) is a failed run whose
   * reason starts with the signal, not with the framework's last log line.
   */
  @Test
  void aWorkerKilledBySignal9IsReportedAsSuchFirst() throws Exception {
    RunProgress killOnStart =
        new RunProgress() {
          @Override
          public void message(String route, JsonNode message) {
            if ("start".equals(message.path("type").asText())) {
              // the worker is this JVM's only child at this point; SIGKILL like the OOM killer
              ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            }
          }
        };
    AccuracyResult r =
        new AccuracyRunner(killOnStart, dir.resolve("logs"), 5)
            .runOne(manual, request(OptimizerKind.ADAM, 1e-3, 5));
    assertThat(r.ok()).isFalse();
    assertThat(r.failure()).startsWith("worker killed by signal 9 (SIGKILL").contains("status 137");
  }
}

package io.mlpbench.results.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.TrainRequest;
import io.mlpbench.results.model.AccuracyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real path: the {@code manual} route trained in its own JVM through the worker's train
 * command, on an MNIST subset. Skipped when manual-backprop is not built.
 */
class AccuracyRunnerRouteJvmTest {
  @TempDir Path dir;

  @Test
  void trainsInARouteJvmAndMarksADivergingRunFailed() throws Exception {
    Path checkout = Path.of("").toAbsolutePath().getParent(); // tests run in results/
    Path module = checkout.resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    // a checkout holding only manual-backprop, so discovery starts one describing JVM, not four
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);
    RouteCatalog catalog = RouteCatalog.discover(root, 1);
    assertThat(catalog.problems()).isEmpty();
    RouteCatalog.Entry manual = catalog.select(List.of("manual")).get(0);

    AccuracyRunner runner = new AccuracyRunner(RunProgress.NONE, dir.resolve("logs"), 5);
    TrainRequest small =
        new TrainRequest(
            "manual",
            RunSpec.defaults()
                .withModel(new RunSpec.Model("mnist", List.of(64), Activation.RELU))
                .withTraining(
                    RunSpec.defaults()
                        .training()
                        .withOptimizer(OptimizerKind.ADAM, 1e-3)
                        .withBatchSize(128)
                        .withEpochs(1)
                        .withSeed(42)
                        .withThreads(1))
                .withData(new RunSpec.Data(3000, 1000, null)));
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
    TrainRequest diverging =
        new TrainRequest(
            "manual",
            RunSpec.defaults()
                .withModel(new RunSpec.Model("mnist", List.of(64), Activation.RELU))
                .withTraining(
                    RunSpec.defaults()
                        .training()
                        .withOptimizer(OptimizerKind.SGD, 50)
                        .withBatchSize(128)
                        .withEpochs(2)
                        .withSeed(42)
                        .withThreads(1))
                .withData(new RunSpec.Data(3000, 1000, null)));
    AccuracyResult failed = runner.runOne(manual, diverging);
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
}

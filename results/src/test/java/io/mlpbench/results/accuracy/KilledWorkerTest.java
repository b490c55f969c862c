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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route JVM killed with SIGKILL mid-training (as the OOM killer would) is a failed run whose
 * reason starts with the signal, not with the framework's last log line. Skipped when
 * manual-backprop is not built.
 */
class KilledWorkerTest {
  @TempDir Path dir;

  @Test
  void aWorkerKilledBySignal9IsReportedAsSuchFirst() throws Exception {
    Path module = Path.of("").toAbsolutePath().getParent().resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);
    RouteCatalog.Entry manual = RouteCatalog.discover(root, 1).select(List.of("manual")).get(0);
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
    TrainRequest long5Epochs =
        new TrainRequest(
            "manual",
            RunSpec.defaults()
                .withModel(new RunSpec.Model("mnist", List.of(64), Activation.RELU))
                .withTraining(
                    RunSpec.defaults()
                        .training()
                        .withOptimizer(OptimizerKind.ADAM, 1e-3)
                        .withBatchSize(128)
                        .withEpochs(5)
                        .withSeed(42)
                        .withThreads(1))
                .withData(new RunSpec.Data(3000, 1000, null)));
    AccuracyResult r =
        new AccuracyRunner(killOnStart, dir.resolve("logs"), 5).runOne(manual, long5Epochs);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure()).startsWith("worker killed by signal 9 (SIGKILL").contains("status 137");
  }
}

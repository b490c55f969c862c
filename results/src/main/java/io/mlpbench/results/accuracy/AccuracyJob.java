package io.mlpbench.results.accuracy;

import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.TrainRequest;
import io.mlpbench.results.env.EnvironmentCapture;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The accuracy comparison as one job: find the routes, capture the environment, train every route
 * for every seed (one JVM each), and return the run record. Route logs go to {@code <out>/logs/}.
 */
public final class AccuracyJob {
  private AccuracyJob() {}

  /**
   * @param routes route ids to run, empty for every route found
   * @param benchProfile recorded with the settings (quick or full)
   */
  public static RunRecord run(
      Path root,
      Path outDir,
      List<String> routes,
      List<Long> seeds,
      TrainRequest template,
      String benchProfile,
      long timeoutMinutes,
      RunProgress progress,
      PrintStream out,
      String suiteVersion)
      throws IOException {
    Instant started = Instant.now();
    RouteCatalog catalog = RouteCatalog.discover(root, template.threads());
    catalog.problems().forEach(p -> out.println("route module not available: " + p));
    if (catalog.entries().isEmpty()) {
      throw new IllegalStateException(
          "no built route module under "
              + root
              + " (each needs target/route-classpath.txt);"
              + " build them with: mvn -B install -DskipTests");
    }
    List<RouteCatalog.Entry> selected = catalog.select(routes);
    EnvironmentRecord env =
        EnvironmentCapture.capture(
            root, selected, List.of(AccuracyRunner.HEAP), template.threads(), suiteVersion);
    out.printf(
        "accuracy: %d route(s) x %d seed(s), %d epochs each; logs in %s%n",
        selected.size(), seeds.size(), template.epochs(), outDir.resolve("logs"));
    AccuracyRunner runner = new AccuracyRunner(progress, outDir.resolve("logs"), timeoutMinutes);
    List<AccuracyResult> results = runner.run(selected, seeds, template);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        started,
        Instant.now(),
        "accuracy",
        null,
        env,
        settings(
            template, seeds, selected.stream().map(RouteCatalog.Entry::id).toList(), benchProfile),
        results,
        List.of());
  }

  static RunSettings settings(
      TrainRequest t, List<Long> seeds, List<String> routes, String profile) {
    var config = t.config();
    List<Integer> layers = Arrays.stream(t.spec(784, 10).layerSizes()).boxed().toList();
    return new RunSettings(
        t.dataset(),
        layers,
        t.activation().id(),
        t.optimizer().id(),
        t.learningRate(),
        config.beta1(),
        config.beta2(),
        config.epsilon(),
        t.batchSize(),
        t.epochs(),
        seeds,
        t.threads(),
        routes,
        profile,
        t.trainLimit(),
        t.testLimit());
  }
}

package io.mlpbench.results.accuracy;

import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.results.env.EnvironmentCapture;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
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
      RunSpec spec,
      String benchProfile,
      long timeoutMinutes,
      RunProgress progress,
      PrintStream out,
      String suiteVersion)
      throws IOException {
    Instant started = Instant.now();
    RouteCatalog catalog = RouteCatalog.discover(root, spec.training().threads());
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
            root, selected, List.of(AccuracyRunner.HEAP), spec.training().threads(), suiteVersion);
    out.printf(
        "accuracy: %d route(s) x %d seed(s), %d epochs each; logs in %s%n",
        selected.size(),
        spec.sweep().seeds().size(),
        spec.training().epochs(),
        outDir.resolve("logs"));
    AccuracyRunner runner = new AccuracyRunner(progress, outDir.resolve("logs"), timeoutMinutes);
    List<AccuracyResult> results = runner.run(selected, spec);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        started,
        Instant.now(),
        "accuracy",
        null,
        env,
        RunSettings.of(spec, selected.stream().map(RouteCatalog.Entry::id).toList(), benchProfile),
        results,
        List.of());
  }
}

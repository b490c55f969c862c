package io.mlpbench.results.cli;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the recorded runs, oldest first, and the history files that could not be read. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "List recorded runs: id, start time, kind, status (ok, or how many route results failed),"
            + " machine, threads, routes (* = baseline).")
final class HistoryCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(names = "--route", description = "Only runs containing this route.")
  String route;

  @Option(names = "--limit", description = "Only the newest N runs.")
  Integer limit;

  @Override
  public Integer call() {
    if (limit != null && limit < 1) {
      throw CommandFailure.usage("--limit must be a positive number of runs, found " + limit);
    }
    if (route != null && (route.isBlank() || !route.equals(route.strip()))) {
      throw CommandFailure.usage("--route must be a route id like manual, found '" + route + "'");
    }
    history.requireHistoryDir();
    try (RunStore store = history.store()) {
      return list(store);
    }
  }

  private int list(RunStore store) {
    RunStore.ReadResult read = store.list(new RunQuery(route, null, null, null, limit));
    String baselineId;
    try {
      baselineId = store.baseline().map(RunRecord::runId).orElse(null);
    } catch (RuntimeException e) {
      System.err.println(
          "history: baseline unreadable (listing the runs anyway): " + e.getMessage());
      baselineId = null;
    }
    System.out.printf(
        "%-38s %-20s %-10s %-12s %-28s %3s  %s%n",
        "run id", "started (UTC)", "kind", "status", "machine", "thr", "routes");
    for (RunRecord r : read.runs()) {
      Set<String> routes = new LinkedHashSet<>();
      r.throughput().stream().map(ThroughputResult::route).forEach(routes::add);
      r.accuracy().stream().map(AccuracyResult::route).forEach(routes::add);
      String machine =
          Optional.ofNullable(r.environment())
              .map(e -> e.hostname() + " " + abbreviate(e.cpuModel(), 16))
              .orElse("?");
      System.out.printf(
          "%-38s %-20s %-10s %-12s %-28s %3s  %s%n",
          (r.runId().equals(baselineId) ? "*" : "") + r.runId(),
          r.startedAt() == null ? "?" : r.startedAt().toString().substring(0, 19).replace('T', ' '),
          r.kind(),
          status(r),
          abbreviate(machine, 28),
          r.environment() == null ? "?" : r.environment().threads(),
          String.join(",", routes));
    }
    System.out.println(read.runs().size() + " run(s) in " + store.describe());
    read.problems().forEach(p -> System.out.println("unreadable: " + p));
    return 0;
  }

  /**
   * "ok" when every accuracy run and timing result succeeded, else "failed n/m" (failed results of
   * all results), so a run that only partly worked never reads like a good one.
   */
  static String status(RunRecord r) {
    long total = r.accuracy().size() + r.throughput().size();
    long failed =
        r.accuracy().stream().filter(a -> !a.ok()).count()
            + r.throughput().stream()
                .filter(t -> t.status() != null && !"ok".equals(t.status()))
                .count();
    if (total == 0) {
      return "empty";
    }
    return failed == 0 ? "ok" : "failed " + failed + "/" + total;
  }

  private static String abbreviate(String s, int max) {
    if (s == null) {
      return "?";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}

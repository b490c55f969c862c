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
        "List recorded runs: id, start time, kind, machine, threads, routes (* = baseline).")
final class HistoryCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(names = "--route", description = "Only runs containing this route.")
  String route;

  @Option(names = "--limit", description = "Only the newest N runs.")
  Integer limit;

  @Override
  public Integer call() {
    try (RunStore store = history.store()) {
      return list(store);
    } catch (RuntimeException e) {
      System.err.println("history: " + e.getMessage());
      return 2;
    }
  }

  private int list(RunStore store) {
    RunStore.ReadResult read = store.list(new RunQuery(route, null, null, null, limit));
    String baselineId;
    try {
      baselineId = store.baseline().map(RunRecord::runId).orElse(null);
    } catch (RuntimeException e) {
      System.err.println("history: baseline unreadable: " + e.getMessage());
      baselineId = null;
    }
    System.out.printf(
        "%-38s %-20s %-10s %-28s %3s  %s%n",
        "run id", "started (UTC)", "kind", "machine", "thr", "routes");
    for (RunRecord r : read.runs()) {
      Set<String> routes = new LinkedHashSet<>();
      r.throughput().stream().map(ThroughputResult::route).forEach(routes::add);
      r.accuracy().stream().map(AccuracyResult::route).forEach(routes::add);
      String machine =
          Optional.ofNullable(r.environment())
              .map(e -> e.hostname() + " " + abbreviate(e.cpuModel(), 16))
              .orElse("?");
      System.out.printf(
          "%-38s %-20s %-10s %-28s %3s  %s%n",
          (r.runId().equals(baselineId) ? "*" : "") + r.runId(),
          r.startedAt() == null ? "?" : r.startedAt().toString().substring(0, 19).replace('T', ' '),
          r.kind(),
          abbreviate(machine, 28),
          r.environment() == null ? "?" : r.environment().threads(),
          String.join(",", routes));
    }
    System.out.println(read.runs().size() + " run(s) in " + store.describe());
    read.problems().forEach(p -> System.out.println("unreadable: " + p));
    return 0;
  }

  private static String abbreviate(String s, int max) {
    if (s == null) {
      return "?";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}

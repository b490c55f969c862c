package io.mlpbench.results.compare;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code compare} job: the newest run in a store against the baseline, and against the recent
 * runs of the same hardware class ({@link io.mlpbench.results.env.HardwareClass}). Entry point for
 * the CLI and for the report, which appends {@link CompareReport#markdown()} / {@link
 * CompareReport#html()}.
 */
public final class Comparer {
  private final CompareOptions options;

  public Comparer(CompareOptions options) {
    this.options = options;
  }

  /**
   * @param baseline the reference chosen by the user ({@code --baseline}), or null for the store's
   */
  public CompareReport latest(RunStore store, RunRecord baseline) {
    RunStore.ReadResult read = store.list(RunQuery.ALL);
    if (read.runs().isEmpty()) {
      throw new IllegalStateException(
          "no readable runs in "
              + store.describe()
              + (read.problems().isEmpty() ? "" : "; unreadable: " + read.problems()));
    }
    RunRecord now = read.runs().get(read.runs().size() - 1);
    RunRecord base = baseline != null ? baseline : store.baseline().orElse(null);
    List<Comparison> comparisons = new ArrayList<>();
    comparisons.add(againstBaseline(base, now));
    comparisons.add(againstRecent(read.runs(), now));
    return new CompareReport(comparisons, read.problems());
  }

  /**
   * {@code now} (stored or not, e.g. a report being written) against the store's baseline and the
   * recent runs before it on the same machine.
   */
  public CompareReport against(RunStore store, RunRecord now) {
    RunStore.ReadResult read = store.list(RunQuery.ALL);
    List<String> problems = new ArrayList<>(read.problems());
    RunRecord base = null;
    try {
      base = store.baseline().orElse(null);
    } catch (RuntimeException e) {
      problems.add("baseline: " + e.getMessage());
    }
    return new CompareReport(
        List.of(againstBaseline(base, now), againstRecent(read.runs(), now)), problems);
  }

  public Comparison againstBaseline(RunRecord baseline, RunRecord now) {
    String title = "Against the baseline";
    if (baseline == null) {
      return new Comparison(
          title,
          "no baseline",
          now.runId(),
          List.of(),
          List.of("no baseline yet; choose one with `mlp-bench promote <runId|latest>`"));
    }
    String label = "baseline " + describe(baseline);
    if (baseline.runId().equals(now.runId())) {
      return new Comparison(
          title,
          label,
          now.runId(),
          List.of(),
          List.of("the newest run is the baseline itself; nothing to compare"));
    }
    return new RunComparer(options).compare(title, label, List.of(baseline), now);
  }

  public Comparison againstRecent(List<RunRecord> history, RunRecord now) {
    String title = "Against recent history on this hardware class";
    List<RunRecord> earlier = new ArrayList<>();
    Instant t = now.startedAt();
    for (RunRecord r : history) {
      boolean before = t == null || r.startedAt() == null || !r.startedAt().isAfter(t);
      if (!r.runId().equals(now.runId())
          && before
          && Comparability.environmentMismatch(r.environment(), now.environment()) == null) {
        earlier.add(r);
      }
    }
    List<RunRecord> recent =
        earlier.subList(Math.max(0, earlier.size() - options.recentRuns()), earlier.size());
    if (recent.isEmpty()) {
      return new Comparison(
          title,
          "no earlier run",
          now.runId(),
          List.of(),
          List.of("no earlier run of the same hardware class (CPU, cores, ISA, JDK, threads)"));
    }
    String label =
        recent.size() == 1
            ? "run " + describe(recent.get(0))
            : "the previous "
                + recent.size()
                + " runs ("
                + describe(recent.get(0))
                + " .. "
                + describe(recent.get(recent.size() - 1))
                + "), samples and seeds pooled";
    return new RunComparer(options).compare(title, label, List.copyOf(recent), now);
  }

  static String describe(RunRecord r) {
    String id = r.runId().length() > 12 ? r.runId().substring(0, 8) + "…" : r.runId();
    return id
        + (r.startedAt() == null
            ? ""
            : " (" + r.startedAt().toString().substring(0, 16).replace('T', ' ') + ")");
  }
}

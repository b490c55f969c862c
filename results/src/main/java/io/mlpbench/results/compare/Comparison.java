package io.mlpbench.results.compare;

import java.util.List;

/**
 * The new run against one reference (the baseline, or the recent runs on the same machine).
 *
 * @param reference what the new run was compared with, e.g. "baseline run 7f3a… (2026-11-20)"
 * @param notes whole-comparison remarks, e.g. why nothing was comparable
 */
public record Comparison(
    String title, String reference, String runId, List<ComparisonRow> rows, List<String> notes) {
  public Comparison {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  public boolean hasRegression() {
    return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION);
  }

  /** Whether any row reached a verdict (regression, improvement or no change). */
  public boolean hasVerdict() {
    return rows.stream().anyMatch(r -> !r.verdict().isInconclusive());
  }
}

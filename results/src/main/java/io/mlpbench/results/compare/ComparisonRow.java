package io.mlpbench.results.compare;

/**
 * One metric of one route, reference against now.
 *
 * @param metric e.g. "train samples/s (batch 128, 2 threads)" or "test accuracy"
 * @param reference the reference value (baseline or recent-history mean), null if none
 * @param now the new run's value, null if none
 * @param change relative change in % for throughput, difference in percentage points for accuracy
 * @param changeUnit "%" or "pp"
 * @param detail why: p-value and sample counts, tolerance, or why not comparable
 */
public record ComparisonRow(
    String route,
    String metric,
    Double reference,
    Double now,
    String valueUnit,
    Double change,
    String changeUnit,
    Verdict verdict,
    String detail) {}

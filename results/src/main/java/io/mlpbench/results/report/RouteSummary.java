package io.mlpbench.results.report;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.ThroughputResult;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One route over the successful seeds of a run: accuracy mean, sample sd and 95% confidence
 * half-width (Student t), time-to-97% over the seeds that reached it, and its JMH throughput.
 *
 * @param sd null with fewer than 2 seeds
 * @param ci95 half-width of the 95% t interval of the mean, null with fewer than 2 seeds
 * @param reached97 seeds that reached 97% test accuracy
 * @param throughput the matching JMH training result, or null when none was found
 */
public record RouteSummary(
    String route,
    String framework,
    String frameworkVersion,
    String style,
    int seeds,
    double meanAccuracy,
    Double sd,
    Double ci95,
    int reached97,
    Double meanEpochsTo97,
    Double meanSecondsTo97,
    double meanTrainingSeconds,
    Long peakRssBytes,
    int threads,
    ThroughputResult throughput) {

  /** Summarises the ok runs of one route ({@code runs} must be non-empty and all ok). */
  public static RouteSummary of(List<AccuracyResult> runs, ThroughputResult throughput) {
    AccuracyResult first = runs.get(0);
    SummaryStatistics acc = new SummaryStatistics();
    SummaryStatistics epochs97 = new SummaryStatistics();
    SummaryStatistics seconds97 = new SummaryStatistics();
    SummaryStatistics training = new SummaryStatistics();
    Long rss = null;
    for (AccuracyResult r : runs) {
      if (!r.ok()) {
        throw new IllegalArgumentException(
            "failed run of " + r.route() + " seed " + r.seed() + " in a summary");
      }
      acc.addValue(r.finalTestAccuracy());
      training.addValue(r.trainingSeconds());
      if (r.epochsTo97() != null) {
        epochs97.addValue(r.epochsTo97());
        seconds97.addValue(r.secondsTo97());
      }
      if (r.peakRssBytes() != null) {
        rss = rss == null ? r.peakRssBytes() : Math.max(rss, r.peakRssBytes());
      }
    }
    long n = acc.getN();
    Double sd = n >= 2 ? acc.getStandardDeviation() : null; // sample sd (n - 1)
    Double ci =
        n >= 2
            ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n)
            : null;
    return new RouteSummary(
        first.route(),
        first.framework(),
        first.frameworkVersion(),
        first.style(),
        (int) n,
        acc.getMean(),
        sd,
        ci,
        (int) epochs97.getN(),
        epochs97.getN() > 0 ? epochs97.getMean() : null,
        seconds97.getN() > 0 ? seconds97.getMean() : null,
        training.getMean(),
        rss,
        first.threads(),
        throughput);
  }
}

package io.mlpbench.results.report;

import io.mlpbench.core.bench.Measurement;
import io.mlpbench.core.bench.Rank;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Routes ordered by training speed, ranked by the suite's one rank rule (core's {@link Rank}, as
 * the benchmarks table): two routes whose intervals overlap share a rank; when some measured route
 * has no error estimate no rank is claimed at all.
 */
public final class SpeedRanking {
  /**
   * One route's place.
   *
   * @param rank null when unranked (no throughput, or no error estimate somewhere in the group)
   * @param tied another route shares this rank
   * @param ratioToFastest samples/s over the fastest route's, null without throughput
   */
  public record Place(RouteSummary route, Integer rank, boolean tied, Double ratioToFastest) {}

  private SpeedRanking() {}

  /** Fastest first; routes without a training throughput last, in their original order. */
  public static List<Place> of(List<RouteSummary> summaries) {
    List<RouteSummary> timed = new ArrayList<>();
    List<RouteSummary> untimed = new ArrayList<>();
    for (RouteSummary s : summaries) {
      (measured(s.throughput()) ? timed : untimed).add(s);
    }
    timed.sort(Comparator.comparingDouble((RouteSummary s) -> s.throughput().score()).reversed());
    List<Rank> ranks =
        Rank.of(
            timed.stream()
                .map(
                    s -> {
                      ThroughputResult t = s.throughput();
                      return new Measurement(
                          t.score(), t.scoreError() == null ? Double.NaN : t.scoreError());
                    })
                .toList());
    double fastest = timed.isEmpty() ? Double.NaN : timed.get(0).throughput().score();
    List<Place> places = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      Rank rank = ranks.get(i);
      places.add(
          new Place(
              timed.get(i),
              rank == null ? null : rank.place(),
              rank != null && rank.tied(),
              timed.get(i).throughput().score() / fastest));
    }
    untimed.forEach(s -> places.add(new Place(s, null, false, null)));
    return places;
  }

  /** A successful training measurement with a score. */
  static boolean measured(ThroughputResult t) {
    return t != null && "ok".equals(t.status()) && t.score() != null;
  }
}

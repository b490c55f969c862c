package io.mlpbench.results.report;

import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes ordered by training speed, with the benchmarks runner's rank rule (its {@code Summary}):
 * rank = 1 + the number of routes whose interval lies entirely above this one's, so two routes
 * whose intervals overlap share a rank (a tie: the difference is inside the noise). When some
 * measured route has no error estimate no rank is claimed at all, as the runner does.
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
    boolean rankable = timed.stream().allMatch(s -> s.throughput().scoreError() != null);
    Map<RouteSummary, Integer> ranks = new HashMap<>();
    Map<Integer, Integer> sharing = new HashMap<>();
    if (rankable) {
      for (RouteSummary s : timed) {
        int above = 0;
        for (RouteSummary other : timed) {
          if (lower(other.throughput()) > upper(s.throughput())) {
            above++;
          }
        }
        ranks.put(s, 1 + above);
        sharing.merge(1 + above, 1, Integer::sum);
      }
    }
    double fastest = timed.isEmpty() ? Double.NaN : timed.get(0).throughput().score();
    List<Place> places = new ArrayList<>();
    for (RouteSummary s : timed) {
      Integer rank = ranks.get(s);
      places.add(
          new Place(
              s, rank, rank != null && sharing.get(rank) > 1, s.throughput().score() / fastest));
    }
    untimed.forEach(s -> places.add(new Place(s, null, false, null)));
    return places;
  }

  /** A successful training measurement with a score. */
  static boolean measured(ThroughputResult t) {
    return t != null && "ok".equals(t.status()) && t.score() != null;
  }

  private static double lower(ThroughputResult t) {
    return t.score() - t.scoreError();
  }

  private static double upper(ThroughputResult t) {
    return t.score() + t.scoreError();
  }
}

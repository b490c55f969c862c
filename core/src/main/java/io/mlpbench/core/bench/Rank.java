package io.mlpbench.core.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The suite's rank rule, for the benchmarks table and the report's headline alike: 1 + the number
 * of scores whose interval lies entirely above this one's, so scores whose intervals overlap share
 * a rank (a tie: the difference is inside the noise).
 *
 * @param tied another score of the group has the same place
 */
public record Rank(int place, boolean tied) {

  /**
   * The rank of each score of one group, in order; all null when some score has no error estimate,
   * so no ranking is claimed.
   */
  public static List<Rank> of(List<Measurement> group) {
    if (!group.stream().allMatch(Measurement::hasError)) {
      return Collections.nCopies(group.size(), null);
    }
    List<Integer> places = new ArrayList<>();
    for (Measurement m : group) {
      places.add(1 + (int) group.stream().filter(other -> other.lower() > m.upper()).count());
    }
    List<Rank> ranks = new ArrayList<>();
    for (int place : places) {
      ranks.add(new Rank(place, Collections.frequency(places, place) > 1));
    }
    return ranks;
  }
}

package io.mlpbench.results.accuracy;

import io.mlpbench.results.model.EpochResult;
import java.util.List;

/**
 * Time-to-accuracy, MLPerf style: the first epoch whose test accuracy reaches the target, and the
 * training wall time summed over epochs up to and including it (test evaluation excluded).
 *
 * @param epoch null when the target was never reached
 * @param seconds null when the target was never reached
 */
public record TimeToAccuracy(Integer epoch, Double seconds) {
  /** The suite's target: 97% test accuracy. */
  public static final double TARGET = 0.97;

  public static TimeToAccuracy of(List<EpochResult> epochs, double target) {
    double seconds = 0;
    for (EpochResult e : epochs) {
      seconds += e.seconds();
      if (e.testAccuracy() >= target) {
        return new TimeToAccuracy(e.epoch(), seconds);
      }
    }
    return new TimeToAccuracy(null, null);
  }
}

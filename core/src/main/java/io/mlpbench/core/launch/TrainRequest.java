package io.mlpbench.core.launch;

import io.mlpbench.core.RunSpec;
import java.util.List;

/**
 * What {@code RouteWorker train} is asked to do: one route and the {@link RunSpec} it trains (its
 * training seed is this run's), passed as {@code --route <id> --spec <json>} (see {@link
 * #toArgs()}), so runners and the worker share the spec's one serialization.
 */
public record TrainRequest(String route, RunSpec spec) {

  /** The canonical job ({@link RunSpec#defaults()}) for {@code route}. */
  public static TrainRequest defaults(String route) {
    return new TrainRequest(route, RunSpec.defaults());
  }

  /** This run's training seed. */
  public long seed() {
    return spec.training().seed();
  }

  public int threads() {
    return spec.training().threads();
  }

  public int epochs() {
    return spec.training().epochs();
  }

  /** The worker's command line after {@code train}. */
  public List<String> toArgs() {
    return List.of("--route", route, "--spec", spec.toJson());
  }

  /** Parses {@link #toArgs()} output; anything else is an error naming what was found. */
  public static TrainRequest parse(List<String> args) {
    if (args.size() != 4 || !args.get(0).equals("--route") || !args.get(2).equals("--spec")) {
      throw new IllegalArgumentException(
          "worker train arguments must be --route <id> --spec <json>, found " + args);
    }
    return new TrainRequest(args.get(1), RunSpec.fromJson(args.get(3)));
  }
}

package io.mlpbench.bench.calibration;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import java.util.List;

/**
 * Test-only routes for the verdict calibration experiment ({@code benchmarks/calibrate.sh}): {@code
 * manual-plus10} and {@code manual-plus5} do exactly 10% and 5% more arithmetic than {@code
 * manual}, by running one extra {@code manual} training step after every 10th (20th) step on the
 * same batch, so their true slowdown is known: 1/1.10 and 1/1.05 of manual's samples/s, up to the
 * small per-call overhead. Registered only from test sources (META-INF/services in
 * src/test/resources), so they never appear in the default route list; they need {@code manual} on
 * the same classpath.
 */
public final class SlowedRouteProvider implements RouteProvider {
  @Override
  public List<Route> routes() {
    return List.of(new SlowedRoute("manual-plus10", 10), new SlowedRoute("manual-plus5", 20));
  }

  /** {@code manual}, plus one extra step every {@code every} steps. */
  private record SlowedRoute(String id, int every) implements Route {
    private Route manual() {
      return Routes.byId("manual");
    }

    // Described without touching manual: route catalogs list every module's routes, also where
    // manual is absent (the runner's isolation test), and must not fail there.
    @Override
    public String framework() {
      return "test (manual + extra steps)";
    }

    @Override
    public String frameworkVersion() {
      return "0";
    }

    @Override
    public ApiStyle style() {
      return ApiStyle.MANUAL;
    }

    @Override
    public LaunchRequirements launchRequirements(TrainingConfig config) {
      try {
        return manual().launchRequirements(config); // e.g. the Vector API module
      } catch (IllegalArgumentException noManualHere) {
        return LaunchRequirements.NONE;
      }
    }

    @Override
    public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
      return new SlowedTrainer(manual().create(spec, config, initial), every);
    }
  }

  /** Delegates to manual's trainer; every {@code every}-th step is done twice. */
  static final class SlowedTrainer implements Trainer {
    private final Trainer delegate;
    private final int every;
    private long steps;

    SlowedTrainer(Trainer delegate, int every) {
      this.delegate = delegate;
      this.every = every;
    }

    @Override
    public float feed(Batch batch) {
      return delegate.feed(batch);
    }

    @Override
    public float trainStep(Batch batch) {
      float loss = delegate.trainStep(batch);
      if (++steps % every == 0) {
        delegate.trainStep(batch); // the extra arithmetic: 1 step in `every`, same shapes
      }
      return loss;
    }

    @Override
    public float[] predictLogits(float[] features, int rows) {
      return delegate.predictLogits(features, rows);
    }

    @Override
    public Parameters exportParameters() {
      return delegate.exportParameters();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}

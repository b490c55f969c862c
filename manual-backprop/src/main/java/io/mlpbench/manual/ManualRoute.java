package io.mlpbench.manual;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.util.List;
import java.util.Map;

/** Route {@code manual}: backpropagation by hand in plain Java, the suite's reference. */
public final class ManualRoute implements Route {
  public static final String ID = "manual";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String framework() {
    return "plain Java";
  }

  /** No library: the Java runtime is the framework. */
  @Override
  public String frameworkVersion() {
    return "Java " + Runtime.version();
  }

  @Override
  public ApiStyle style() {
    return ApiStyle.MANUAL;
  }

  /** The kernels use the incubating Vector API; the pool size comes from the config, no env. */
  @Override
  public LaunchRequirements launchRequirements(TrainingConfig config) {
    return new LaunchRequirements(Map.of(), List.of("--add-modules", "jdk.incubator.vector"));
  }

  @Override
  public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    if (!spec.equals(initial.spec())) {
      throw new IllegalArgumentException(
          "initial parameters are for " + initial.spec() + " but the model is " + spec);
    }
    return new FastTrainer(config, initial);
  }
}

package io.mlpbench.djl;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.util.List;

/**
 * A DJL route on the PyTorch engine. Both styles share the model, parameter loading, optimizer and
 * batch staging; they differ only in who drives a step: {@code EasyTrain} or our own loop.
 */
final class DjlRoute implements Route {
  private final String id;
  private final ApiStyle style;

  DjlRoute(String id, ApiStyle style) {
    this.id = id;
    this.style = style;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String framework() {
    return "DJL";
  }

  @Override
  public String frameworkVersion() {
    NativeArtifacts artifacts = NativeArtifacts.bundled();
    return artifacts.djlVersion() + " (PyTorch " + artifacts.pytorchVersion() + ")";
  }

  @Override
  public ApiStyle style() {
    return style;
  }

  @Override
  public LaunchRequirements launchRequirements(TrainingConfig config) {
    return PyTorchRuntime.launchRequirements(config.threads());
  }

  @Override
  public List<String> nativeLibraries() {
    return List.of("pytorch-native-cpu", "pytorch-jni", "pytorch-engine", "jna");
  }

  @Override
  public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    if (!initial.spec().equals(spec)) {
      throw new IllegalArgumentException(
          "initial parameters are for " + initial.spec() + ", expected " + spec);
    }
    PyTorchRuntime.start(config.threads());
    if (style == ApiStyle.FIT) {
      StepLossListener stepLoss = new StepLossListener();
      return new FitTrainer(DjlNetwork.create(spec, config, initial, stepLoss), stepLoss);
    }
    return new LoopTrainer(DjlNetwork.create(spec, config, initial));
  }
}

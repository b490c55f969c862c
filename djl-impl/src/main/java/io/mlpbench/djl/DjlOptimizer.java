package io.mlpbench.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mlpbench.core.AdamForm;
import io.mlpbench.core.TrainingConfig;

/**
 * Translates the shared optimizer settings into DJL's. DJL's Adam is the epsilon-hat form (lr_t =
 * lr * sqrt(1 - b2^t) / (1 - b1^t); w -= lr_t * m / (sqrt(v) + eps), in the native adamUpdate of
 * pytorch-jni), so only {@link AdamForm#EPSILON_HAT} is accepted.
 */
final class DjlOptimizer {
  /** Builder defaults, set explicitly so the update sees the mean-loss gradient untouched. */
  private static final float NO_RESCALE = 1f;

  private static final float NO_WEIGHT_DECAY = 0f;

  /** Negative means "do not clip" in DJL's native update (MXNet's convention). */
  private static final float NO_CLIPPING = -1f;

  private DjlOptimizer() {}

  static Optimizer from(TrainingConfig config) {
    Tracker learningRate = Tracker.fixed((float) config.learningRate());
    return switch (config.optimizer()) {
      case ADAM -> {
        if (config.adamForm() != AdamForm.EPSILON_HAT) {
          throw new IllegalArgumentException(
              "DJL's Adam implements the EPSILON_HAT form only, got adamForm " + config.adamForm());
        }
        yield Optimizer.adam()
            .optLearningRateTracker(learningRate)
            .optBeta1((float) config.beta1())
            .optBeta2((float) config.beta2())
            .optEpsilon((float) config.epsilon())
            .setRescaleGrad(NO_RESCALE)
            .optWeightDecays(NO_WEIGHT_DECAY)
            .optClipGrad(NO_CLIPPING)
            .build();
      }
      case SGD ->
          Optimizer.sgd()
              .setLearningRateTracker(learningRate)
              .setRescaleGrad(NO_RESCALE)
              .optWeightDecays(NO_WEIGHT_DECAY)
              .optClipGrad(NO_CLIPPING)
              .build();
    };
  }
}

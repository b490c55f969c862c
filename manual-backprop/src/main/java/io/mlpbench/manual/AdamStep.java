package io.mlpbench.manual;

import io.mlpbench.core.AdamForm;
import io.mlpbench.core.TrainingConfig;

/**
 * The per-step constants of Adam's update theta -= stepSize * m / (sqrt(v) + epsilonHat), where m
 * and v are the raw (not bias-corrected) moments. Both forms reduce to it:
 *
 * <ul>
 *   <li>{@link AdamForm#EPSILON_HAT} (TF/Keras, DJL, DL4J): stepSize = lr * sqrt(1 - b2^t) / (1 -
 *       b1^t) and epsilonHat = eps, literally.
 *   <li>{@link AdamForm#TORCH} (torch.optim.Adam): lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) +
 *       eps); multiplying numerator and denominator by sqrt(1 - b2^t) gives the same stepSize and
 *       epsilonHat = eps * sqrt(1 - b2^t).
 * </ul>
 *
 * Static methods rather than a record, so a training step allocates nothing. {@code t} is the step
 * number, 1 on the first step.
 */
final class AdamStep {
  private AdamStep() {}

  static double stepSize(TrainingConfig config, int t) {
    double correction1 = 1 - Math.pow(config.beta1(), t);
    double correction2 = 1 - Math.pow(config.beta2(), t);
    return config.learningRate() * Math.sqrt(correction2) / correction1;
  }

  static double epsilonHat(TrainingConfig config, int t) {
    return switch (config.adamForm()) {
      case EPSILON_HAT -> config.epsilon();
      case TORCH -> config.epsilon() * Math.sqrt(1 - Math.pow(config.beta2(), t));
    };
  }
}

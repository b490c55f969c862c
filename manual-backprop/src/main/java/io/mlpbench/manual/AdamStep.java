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
 * @param t the step number, 1 on the first step
 */
record AdamStep(int t, double stepSize, double epsilonHat) {

  static AdamStep of(TrainingConfig config, int t) {
    double correction1 = 1 - Math.pow(config.beta1(), t);
    double correction2 = 1 - Math.pow(config.beta2(), t);
    double stepSize = config.learningRate() * Math.sqrt(correction2) / correction1;
    double epsilonHat =
        switch (config.adamForm()) {
          case EPSILON_HAT -> config.epsilon();
          case TORCH -> config.epsilon() * Math.sqrt(correction2);
        };
    return new AdamStep(t, stepSize, epsilonHat);
  }
}

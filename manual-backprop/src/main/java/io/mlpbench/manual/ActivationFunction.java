package io.mlpbench.manual;

import io.mlpbench.core.Activation;

/**
 * g and g' of each hidden activation, in double for the scalar path. Like the frameworks, relu'(0)
 * = 0 and the derivatives of tanh and sigmoid are written with their outputs.
 */
final class ActivationFunction {
  private ActivationFunction() {}

  /** g(z). relu keeps NaN (z &lt; 0 is false for NaN), as frameworks do, so divergence shows. */
  static double apply(Activation g, double z) {
    return switch (g) {
      case RELU -> z < 0 ? 0 : z;
      case TANH -> Math.tanh(z);
      case SIGMOID -> 1 / (1 + Math.exp(-z));
    };
  }

  /** g'(z). */
  static double derivative(Activation g, double z) {
    return switch (g) {
      case RELU -> z > 0 ? 1 : 0;
      case TANH -> {
        double t = Math.tanh(z);
        yield 1 - t * t;
      }
      case SIGMOID -> {
        double s = 1 / (1 + Math.exp(-z));
        yield s * (1 - s);
      }
    };
  }
}

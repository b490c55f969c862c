package io.mlpbench.core;

/** How initial weights are drawn; biases always start at zero. */
public enum WeightInit {
  /** U(-l, l), l = sqrt(6 / (fanIn + fanOut)): Keras' Dense default, so the reference matches. */
  GLOROT_UNIFORM,
  /** U(-l, l), l = sqrt(6 / fanIn): suited to deep ReLU stacks. */
  HE_UNIFORM;

  double limit(int fanIn, int fanOut) {
    return switch (this) {
      case GLOROT_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
      case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
    };
  }
}

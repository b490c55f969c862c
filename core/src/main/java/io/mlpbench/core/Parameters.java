package io.mlpbench.core;

import java.util.SplittableRandom;

/**
 * The trainable values of a {@link ModelSpec}, framework-neutral. Layout, used by every route:
 * {@code weights[l]} is the (inputs x outputs) matrix of layer l in row-major order, so element (i,
 * j) is {@code weights[l][i * outputs + j]} and Z = A W + b; {@code biases[l]} has length outputs.
 * Adapters whose framework stores [out, in] (DJL, PyTorch) transpose when loading.
 */
public final class Parameters {
  private final ModelSpec spec;
  private final float[][] weights;
  private final float[][] biases;

  public Parameters(ModelSpec spec, float[][] weights, float[][] biases) {
    if (weights.length != spec.layerCount() || biases.length != spec.layerCount()) {
      throw new IllegalArgumentException(
          "expected "
              + spec.layerCount()
              + " layers, got "
              + weights.length
              + " weight and "
              + biases.length
              + " bias arrays");
    }
    for (int l = 0; l < spec.layerCount(); l++) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      if (weights[l].length != in * out || biases[l].length != out) {
        throw new IllegalArgumentException(
            "layer "
                + l
                + ": expected weights "
                + in
                + "x"
                + out
                + " and "
                + out
                + " biases, got "
                + weights[l].length
                + " weights and "
                + biases[l].length
                + " biases");
      }
    }
    this.spec = spec;
    this.weights = weights;
    this.biases = biases;
  }

  /**
   * The initial parameters of a run: drawn once from {@code seed} by this shared code, so every
   * route starts from identical values. Biases are zero, as in Keras, DL4J and TF defaults.
   */
  public static Parameters initial(ModelSpec spec, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] w = new float[spec.layerCount()][];
    float[][] b = new float[spec.layerCount()][];
    for (int l = 0; l < spec.layerCount(); l++) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      double limit = spec.init().limit(in, out);
      w[l] = new float[in * out];
      for (int k = 0; k < w[l].length; k++) {
        w[l][k] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
      b[l] = new float[out];
    }
    return new Parameters(spec, w, b);
  }

  public ModelSpec spec() {
    return spec;
  }

  public int layerCount() {
    return weights.length;
  }

  /** Layer l's weights, row-major (inputs x outputs); the live array, not a copy. */
  public float[] weights(int layer) {
    return weights[layer];
  }

  /** Layer l's biases; the live array, not a copy. */
  public float[] biases(int layer) {
    return biases[layer];
  }

  /** Layer l's weights transposed to row-major (outputs x inputs), as PyTorch/DJL store them. */
  public float[] weightsOutByIn(int layer) {
    int in = spec.inputs(layer);
    int out = spec.outputs(layer);
    float[] t = new float[in * out];
    float[] w = weights[layer];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        t[j * in + i] = w[i * out + j];
      }
    }
    return t;
  }

  /** Builds layer weights from an (outputs x inputs) row-major array. */
  public static float[] fromOutByIn(float[] outByIn, int in, int out) {
    float[] w = new float[in * out];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        w[i * out + j] = outByIn[j * in + i];
      }
    }
    return w;
  }

  public Parameters copy() {
    float[][] w = new float[weights.length][];
    float[][] b = new float[biases.length][];
    for (int l = 0; l < weights.length; l++) {
      w[l] = weights[l].clone();
      b[l] = biases[l].clone();
    }
    return new Parameters(spec, w, b);
  }

  /** Largest absolute difference over every weight and bias. */
  public double maxAbsDifference(Parameters other) {
    if (!spec.equals(other.spec)) {
      throw new IllegalArgumentException("different specs: " + spec + " vs " + other.spec);
    }
    double max = 0;
    for (int l = 0; l < weights.length; l++) {
      max = Math.max(max, maxAbsDifference(weights[l], other.weights[l]));
      max = Math.max(max, maxAbsDifference(biases[l], other.biases[l]));
    }
    return max;
  }

  /** True when every value is bit-for-bit the same. */
  public boolean exactlyEquals(Parameters other) {
    if (!spec.equals(other.spec)) {
      return false;
    }
    for (int l = 0; l < weights.length; l++) {
      if (!java.util.Arrays.equals(weights[l], other.weights[l])
          || !java.util.Arrays.equals(biases[l], other.biases[l])) {
        return false;
      }
    }
    return true;
  }

  private static double maxAbsDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }
}

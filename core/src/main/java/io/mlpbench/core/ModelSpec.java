package io.mlpbench.core;

import java.util.Arrays;

/**
 * The network every route builds: dense layers of the given sizes (input first, classes last), the
 * hidden activation after every layer but the last, then softmax cross-entropy with mean reduction
 * over the batch.
 */
public record ModelSpec(int[] layerSizes, Activation hiddenActivation, WeightInit init) {

  /** The canonical MLP of the suite: 784-512-512-10, ReLU, Glorot-uniform. */
  public static ModelSpec canonical() {
    return new ModelSpec(new int[] {784, 512, 512, 10}, Activation.RELU, WeightInit.GLOROT_UNIFORM);
  }

  public ModelSpec {
    if (layerSizes.length < 2) {
      throw new IllegalArgumentException(
          "a model needs at least input and output sizes, got " + Arrays.toString(layerSizes));
    }
    for (int size : layerSizes) {
      if (size <= 0) {
        throw new IllegalArgumentException(
            "layer sizes must be positive, got " + Arrays.toString(layerSizes));
      }
    }
    layerSizes = layerSizes.clone();
  }

  /** A spec with the given hidden sizes between {@code inputs} and {@code classes}. */
  public static ModelSpec of(int inputs, int[] hidden, int classes, Activation activation) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = classes;
    return new ModelSpec(sizes, activation, WeightInit.GLOROT_UNIFORM);
  }

  /**
   * The one parser of hidden sizes: positive integers separated by ',' (the CLI) or '-' (JMH
   * {@code @Param} values, which a comma would split); blank means no hidden layer.
   */
  public static int[] parseHidden(String text) {
    if (text.isBlank()) {
      return new int[0];
    }
    int[] sizes;
    try {
      sizes =
          Arrays.stream(text.split("[,-]")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected comma-separated layer sizes like 512,512, found '" + text + "'");
    }
    if (Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
      throw new IllegalArgumentException("layer sizes must be positive, found '" + text + "'");
    }
    return sizes;
  }

  /** Hidden sizes joined by {@code separator}: the inverse of {@link #parseHidden}. */
  public static String hiddenText(int[] hidden, String separator) {
    return String.join(separator, Arrays.stream(hidden).mapToObj(Integer::toString).toList());
  }

  @Override
  public int[] layerSizes() {
    return layerSizes.clone();
  }

  /** Number of dense layers (weight matrices). */
  public int layerCount() {
    return layerSizes.length - 1;
  }

  public int inputs(int layer) {
    return layerSizes[layer];
  }

  public int outputs(int layer) {
    return layerSizes[layer + 1];
  }

  public int inputSize() {
    return layerSizes[0];
  }

  public int classCount() {
    return layerSizes[layerSizes.length - 1];
  }

  public int[] hiddenSizes() {
    return Arrays.copyOfRange(layerSizes, 1, layerSizes.length - 1);
  }

  /**
   * Number of weights (multiply-adds per sample in the forward pass), biases excluded; FLOPs are
   * counted by {@link FlopCount}.
   */
  public long weightCount() {
    long total = 0;
    for (int l = 0; l < layerCount(); l++) {
      total += (long) inputs(l) * outputs(l);
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec other
        && Arrays.equals(layerSizes, other.layerSizes)
        && hiddenActivation == other.hiddenActivation
        && init == other.init;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(layerSizes) * 31 + hiddenActivation.hashCode() * 7 + init.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < layerSizes.length; i++) {
      s.append(i == 0 ? "" : "-").append(layerSizes[i]);
    }
    return s + " " + hiddenActivation.id();
  }
}

package io.mlpbench.core;

/**
 * The worked example of the backpropagation notes the suite started from, with the correct numbers:
 * a 3-3-2 network, tanh hidden units, softmax + cross-entropy, all biases 0, row vectors (a2 = h1
 * W2, a3 = h2 W3), true class 1 of 2 (index 0), starting from the first layer's pre-activation a1.
 * The notes print dL/dh2 = [0.23, -0.03, 0.09] and a dL/dW2 built from it: those do not follow from
 * their own W3 (W3 dL/da3 = 0.3554 x (W3[i][1] - W3[i][0]) = [-0.2843, 0.0355, -0.1066]); the
 * forward values match after rounding. Values below are double precision rounded to 4 decimals.
 *
 * <p>To run it through a whole network, a first layer with identity weights turns the input x = a1
 * into the pre-activation a1, so the net is 3-3-3-2 with W1 = I and h1 = tanh(a1).
 */
public final class WorkedExample {
  private WorkedExample() {}

  /** Half a unit of the 4th decimal, plus float rounding of the inputs and weights (~1e-7). */
  public static final double FOUR_DECIMALS = 5.1e-5;

  public static final float[] A1 = {-2.2f, -0.1f, 5.3f};
  public static final float[][] W2 = {
    {0.4f, 0.5f, -0.3f}, {-0.1f, -0.4f, -0.5f}, {0.8f, 0.2f, 0.9f}
  };
  public static final float[][] W3 = {{0.3f, -0.5f}, {0.1f, 0.2f}, {-0.1f, -0.4f}};
  public static final int LABEL = 0;

  public static final double[] H1 = {-0.9757, -0.0997, 1.0000};
  public static final double[] A2 = {0.4196, -0.2480, 1.2425};
  public static final double[] H2 = {0.3966, -0.2431, 0.8462};
  public static final double[] A3 = {0.0101, -0.5854};
  public static final double[] Y_HAT = {0.6446, 0.3554};
  public static final double LOSS = 0.4391;
  public static final double[] DL_DA3 = {-0.3554, 0.3554};
  public static final double[] DL_DH2 = {-0.2843, 0.0355, -0.1066};
  public static final double[] DL_DA2 = {-0.2396, 0.0334, -0.0303};
  public static final double[][] DL_DW3 = {{-0.1410, 0.1410}, {0.0864, -0.0864}, {-0.3007, 0.3007}};
  public static final double[][] DL_DW2 = {
    {0.2338, -0.0326, 0.0295}, {0.0239, -0.0033, 0.0030}, {-0.2396, 0.0334, -0.0303}
  };

  /** The printed (wrong) dL/dh2 of the notes, to show a test would reject it. */
  public static final double[] PRINTED_DL_DH2 = {0.23, -0.03, 0.09};

  /** 3-3-3-2, tanh. */
  public static ModelSpec spec() {
    return new ModelSpec(new int[] {3, 3, 3, 2}, Activation.TANH, WeightInit.GLOROT_UNIFORM);
  }

  /** W1 = identity, W2 and W3 of the example, biases 0. */
  public static Parameters parameters() {
    float[][] w = {{1, 0, 0, 0, 1, 0, 0, 0, 1}, flatten(W2), flatten(W3)};
    float[][] b = {new float[3], new float[3], new float[2]};
    return new Parameters(spec(), w, b);
  }

  /** The one-sample input x = a1 and its label. */
  public static io.mlpbench.dataset.Batch batch() {
    return new io.mlpbench.dataset.Batch(A1.clone(), new int[] {LABEL}, 1, 3, 2);
  }

  public static double[] flatten(double[][] rows) {
    return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static float[] flatten(float[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    return flat;
  }
}

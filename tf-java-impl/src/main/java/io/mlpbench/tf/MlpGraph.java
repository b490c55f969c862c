package io.mlpbench.tf;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The forward graph of a {@link ModelSpec}: placeholders for a batch of features [?, in] and
 * one-hot labels [?, classes] (unknown batch dimension, so the smaller last batch of an epoch is
 * fed to the same graph), one weight variable [in, out] and one bias variable [out] per layer, Z =
 * A W + b, the hidden activation, logits and the batch-mean softmax cross-entropy.
 *
 * <p>Weights are [in, out] row-major, exactly the layout of {@link Parameters}, so loading and
 * exporting copy arrays without transposing.
 */
final class MlpGraph {
  final Placeholder<TFloat32> features;
  final Placeholder<TFloat32> oneHotLabels;
  private final List<Variable<TFloat32>> weights = new ArrayList<>();
  private final List<Variable<TFloat32>> biases = new ArrayList<>();
  final Operand<TFloat32> logits;
  final Operand<TFloat32> loss;
  final ModelSpec spec;

  MlpGraph(Ops tf, ModelSpec spec, Parameters initial) {
    this.spec = spec;
    features =
        tf.withName("features")
            .placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, spec.inputSize())));
    oneHotLabels =
        tf.withName("labels")
            .placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, spec.classCount())));
    Operand<TFloat32> activations = features;
    for (int l = 0; l < spec.layerCount(); l++) {
      Variable<TFloat32> w = tf.withName("w" + l).variable(initialWeights(tf, spec, initial, l));
      Variable<TFloat32> b = tf.withName("b" + l).variable(initialBiases(tf, initial, l));
      weights.add(w);
      biases.add(b);
      Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(activations, w), b);
      activations = l == spec.layerCount() - 1 ? z : activate(tf, spec, z);
    }
    logits = activations;
    // Dense form with one-hot labels: the sparse op has no registered gradient in TF Java.
    Operand<TFloat32> perSample = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHotLabels).loss();
    loss = tf.withName("loss").math.mean(perSample, tf.constant(0));
  }

  /** W0, b0, W1, b1, ...: the order of every gradient list and of exported parameters. */
  List<Variable<TFloat32>> variables() {
    List<Variable<TFloat32>> all = new ArrayList<>();
    for (int l = 0; l < weights.size(); l++) {
      all.add(weights.get(l));
      all.add(biases.get(l));
    }
    return all;
  }

  private static Operand<TFloat32> initialWeights(
      Ops tf, ModelSpec spec, Parameters initial, int layer) {
    // The constant holds a copy of the shared values; the variable's init op assigns it bit for
    // bit.
    return tf.constant(
        Shape.of(spec.inputs(layer), spec.outputs(layer)),
        DataBuffers.of(initial.weights(layer), true, false));
  }

  private static Operand<TFloat32> initialBiases(Ops tf, Parameters initial, int layer) {
    float[] b = initial.biases(layer);
    return tf.constant(Shape.of(b.length), DataBuffers.of(b, true, false));
  }

  private static Operand<TFloat32> activate(Ops tf, ModelSpec spec, Operand<TFloat32> z) {
    return switch (spec.hiddenActivation()) {
      case RELU -> tf.nn.relu(z);
      case TANH -> tf.math.tanh(z);
      case SIGMOID -> tf.math.sigmoid(z);
    };
  }
}

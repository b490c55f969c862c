package io.mlpbench.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The MLP as a DJL model with its DJL trainer, holding the shared initial parameters.
 *
 * <p>Weight layout: DJL's {@code Linear} stores its weight as [out, in] (y = x W^T + b, as
 * PyTorch), under names such as {@code 01Linear_weight}; our {@link Parameters} are [in, out], so
 * values are transposed with {@link Parameters#weightsOutByIn} when loaded and {@link
 * Parameters#fromOutByIn} when exported. They are written after {@code trainer.initialize}, into
 * the very tensors the trainer's parameter store holds, so DJL's own initializer draw is
 * overwritten before any step.
 */
final class DjlNetwork implements AutoCloseable {
  private final ModelSpec spec;
  private final Model model;
  private final Trainer trainer;
  private final List<Linear> layers;
  private final BatchStaging staging;

  private DjlNetwork(
      ModelSpec spec, Model model, Trainer trainer, List<Linear> layers, BatchStaging staging) {
    this.spec = spec;
    this.model = model;
    this.trainer = trainer;
    this.layers = layers;
    this.staging = staging;
  }

  /**
   * Builds the model and its trainer (optimizer from {@code config}, {@code listeners} attached),
   * then loads {@code initial}.
   */
  static DjlNetwork create(
      ModelSpec spec, TrainingConfig config, Parameters initial, TrainingListener... listeners) {
    SequentialBlock block = block(spec);
    Model model = Model.newInstance("mlp-" + spec, Device.cpu(), PyTorchRuntime.ENGINE);
    try {
      model.setBlock(block);
      DefaultTrainingConfig trainingConfig =
          new DefaultTrainingConfig(softmaxCrossEntropy())
              .optOptimizer(DjlOptimizer.from(config))
              .optDevices(new Device[] {Device.cpu()})
              .addTrainingListeners(listeners);
      Trainer trainer = model.newTrainer(trainingConfig);
      trainer.initialize(new Shape(1, spec.inputSize()));
      DjlNetwork network =
          new DjlNetwork(
              spec,
              model,
              trainer,
              linearLayers(block),
              new BatchStaging(config.batchSize(), spec.inputSize()));
      network.load(initial);
      return network;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Linear + activation blocks read top to bottom like the spec; logits out, no softmax. */
  static SequentialBlock block(ModelSpec spec) {
    SequentialBlock block = new SequentialBlock();
    for (int l = 0; l < spec.layerCount(); l++) {
      block.add(Linear.builder().setUnits(spec.outputs(l)).build());
      if (l < spec.layerCount() - 1) {
        block.add(activation(spec.hiddenActivation()));
      }
    }
    return block;
  }

  /** Mean over the batch of -log softmax(logits)[label], from logits and sparse int labels. */
  static Loss softmaxCrossEntropy() {
    return new SoftmaxCrossEntropyLoss("softmax-cross-entropy", 1f, -1, true, true);
  }

  private static Block activation(Activation activation) {
    return switch (activation) {
      case RELU -> ai.djl.nn.Activation.reluBlock();
      case TANH -> ai.djl.nn.Activation.tanhBlock();
      case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
    };
  }

  private static List<Linear> linearLayers(SequentialBlock block) {
    List<Linear> linear = new ArrayList<>();
    for (Block child : block.getChildren().values()) {
      if (child instanceof Linear l) {
        linear.add(l);
      }
    }
    return linear;
  }

  private void load(Parameters initial) {
    for (int l = 0; l < layers.size(); l++) {
      NDArray weight = weight(l).getArray();
      NDArray bias = bias(l).getArray();
      checkShape(weight, new Shape(spec.outputs(l), spec.inputs(l)), l, "weight");
      checkShape(bias, new Shape(spec.outputs(l)), l, "bias");
      weight.set(FloatBuffer.wrap(initial.weightsOutByIn(l)));
      bias.set(FloatBuffer.wrap(initial.biases(l)));
    }
  }

  /** Current parameters in the shared [in, out] layout. */
  Parameters export() {
    float[][] w = new float[layers.size()][];
    float[][] b = new float[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      w[l] =
          Parameters.fromOutByIn(
              weight(l).getArray().toFloatArray(), spec.inputs(l), spec.outputs(l));
      b[l] = bias(l).getArray().toFloatArray();
    }
    return new Parameters(spec, w, b);
  }

  /** Logits for the first {@code rows} samples, evaluated in staging-sized chunks. */
  float[] logits(float[] features, int rows) {
    int classes = spec.classCount();
    float[] out = new float[rows * classes];
    int chunk = staging.capacity();
    for (int first = 0; first < rows; first += chunk) {
      int n = Math.min(chunk, rows - first);
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDArray x = staging.features(scope, features, first, n);
        float[] z = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
        System.arraycopy(z, 0, out, first * classes, z.length);
      }
    }
    return out;
  }

  ModelSpec spec() {
    return spec;
  }

  Trainer trainer() {
    return trainer;
  }

  BatchStaging staging() {
    return staging;
  }

  private Parameter weight(int layer) {
    return layers.get(layer).getParameters().get("weight");
  }

  private Parameter bias(int layer) {
    return layers.get(layer).getParameters().get("bias");
  }

  private static void checkShape(NDArray array, Shape expected, int layer, String what) {
    if (!array.getShape().equals(expected) || array.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException(
          "DJL layer "
              + layer
              + " "
              + what
              + ": expected float32 "
              + expected
              + ", found "
              + array.getDataType()
              + " "
              + array.getShape());
    }
  }

  @Override
  public void close() {
    try {
      trainer.close();
    } finally {
      model.close();
    }
  }
}

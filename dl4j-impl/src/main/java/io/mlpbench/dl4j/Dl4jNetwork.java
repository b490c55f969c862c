package io.mlpbench.dl4j;

import io.mlpbench.core.Activation;
import io.mlpbench.core.AdamForm;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The suite's MLP as a DL4J {@link MultiLayerNetwork}, with the shared parameters loaded.
 *
 * <p>Parameter layout: DL4J keeps all parameters in one flat FLOAT vector; each layer's {@code
 * getParam("W")} ({@link DefaultParamInitializer#WEIGHT_KEY}) is a view of it shaped [nIn, nOut] in
 * 'f' (column-major) order, and {@code getParam("b")} ({@link DefaultParamInitializer#BIAS_KEY}) a
 * rank-1 [nOut] view. DL4J computes Z = A W + b, the same orientation as {@link Parameters}; only
 * the memory order differs, which {@code assign} and {@code dup('c')} translate. Assigning into the
 * views (never replacing them) keeps the flat vector that the updater and the gradient views are
 * tied to.
 */
final class Dl4jNetwork implements AutoCloseable {
  /**
   * Scratch memory of one prediction: sized by the first one (FIRST_LOOP), grown when a larger
   * batch does not fit (REALLOCATE), reused by every later prediction on the thread.
   */
  private static final WorkspaceConfiguration PREDICT_WORKSPACE =
      WorkspaceConfiguration.builder()
          .policyAllocation(AllocationPolicy.STRICT)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private static final String PREDICT_ID = "MLPBENCH_PREDICT";

  private final ModelSpec spec;
  private final MultiLayerNetwork model;

  private Dl4jNetwork(ModelSpec spec, MultiLayerNetwork model) {
    this.spec = spec;
    this.model = model;
  }

  /** Builds the network for {@code spec} and {@code config} and loads {@code initial} exactly. */
  static Dl4jNetwork build(ModelSpec spec, TrainingConfig config, Parameters initial) {
    MultiLayerNetwork model = new MultiLayerNetwork(configuration(spec, config));
    model.init();
    Dl4jNetwork network = new Dl4jNetwork(spec, model);
    try {
      network.load(initial);
    } catch (RuntimeException e) {
      network.close(); // free the native arrays of a network nobody will hold
      throw e;
    }
    return network;
  }

  /**
   * The network, read top to bottom: FLOAT throughout, the configured updater, dense layers with
   * the hidden activation, softmax output with multi-class cross-entropy. No regularization and no
   * dropout (DL4J's defaults). miniBatch(true), the default, divides gradients and score by the
   * batch's row count, so both are batch means as in every other route.
   */
  static MultiLayerConfiguration configuration(ModelSpec spec, TrainingConfig config) {
    NeuralNetConfiguration.ListBuilder layers =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .seed(config.seed())
            .updater(updater(config))
            .weightInit(WeightInit.XAVIER_UNIFORM) // replaced by the shared parameters in load()
            .miniBatch(true)
            .trainingWorkspaceMode(WorkspaceMode.ENABLED) // the default, stated: see README
            .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
            .list();
    int last = spec.layerCount() - 1;
    for (int l = 0; l < last; l++) {
      layers.layer(
          new DenseLayer.Builder()
              .nIn(spec.inputs(l))
              .nOut(spec.outputs(l))
              .activation(activation(spec.hiddenActivation()))
              .build());
    }
    layers.layer(
        new OutputLayer.Builder(LossFunction.MCXENT)
            .nIn(spec.inputs(last))
            .nOut(spec.outputs(last))
            .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
            .build());
    return layers.build();
  }

  /**
   * Adam or SGD with the config's constants. DL4J's Adam (libnd4j's adamUpdater) computes the
   * epsilon-hat form, lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), theta -= lr_t m / (sqrt(v) + eps), so
   * it matches {@link AdamForm#EPSILON_HAT} and cannot express {@link AdamForm#TORCH}.
   */
  static IUpdater updater(TrainingConfig config) {
    return switch (config.optimizer()) {
      case SGD -> new Sgd(config.learningRate());
      case ADAM -> {
        if (config.adamForm() != AdamForm.EPSILON_HAT) {
          throw new IllegalArgumentException(
              "DL4J's Adam computes the EPSILON_HAT form only; the config asks for "
                  + config.adamForm()
                  + ", which this route cannot compute exactly");
        }
        yield new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
      }
    };
  }

  static org.nd4j.linalg.activations.Activation activation(Activation activation) {
    return switch (activation) {
      case RELU -> org.nd4j.linalg.activations.Activation.RELU;
      case TANH -> org.nd4j.linalg.activations.Activation.TANH;
      case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
    };
  }

  MultiLayerNetwork model() {
    return model;
  }

  ModelSpec spec() {
    return spec;
  }

  /** Writes {@code parameters} into the layers' W and b views (see the class comment). */
  void load(Parameters parameters) {
    for (int l = 0; l < spec.layerCount(); l++) {
      Layer layer = model.getLayer(l);
      INDArray w =
          Nd4j.create(parameters.weights(l), new long[] {spec.inputs(l), spec.outputs(l)}, 'c');
      INDArray b = Nd4j.create(parameters.biases(l), new long[] {spec.outputs(l)}, 'c');
      layer.getParam(DefaultParamInitializer.WEIGHT_KEY).assign(w);
      layer.getParam(DefaultParamInitializer.BIAS_KEY).assign(b);
    }
  }

  /** The current parameters, copied into the shared row-major [in x out] layout. */
  Parameters export() {
    float[][] w = new float[spec.layerCount()][];
    float[][] b = new float[spec.layerCount()][];
    for (int l = 0; l < spec.layerCount(); l++) {
      Layer layer = model.getLayer(l);
      w[l] = rowMajor(layer.getParam(DefaultParamInitializer.WEIGHT_KEY));
      b[l] = rowMajor(layer.getParam(DefaultParamInitializer.BIAS_KEY));
    }
    return new Parameters(spec, w, b);
  }

  /** One optimizer step on {@code batch}; returns DL4J's score, the batch's mean loss before it. */
  float step(DataSet batch) {
    model.fit(batch);
    return (float) model.score();
  }

  /**
   * Logits (rows x classes, row-major). DL4J's output() ends in the softmax, so the hidden layers
   * run through DL4J and the output layer's affine part is applied to its own W and b here.
   *
   * <p>Memory: every native array of a prediction is either closed here (the input and each layer's
   * activations, which DL4J allocates outside workspaces) or allocated in the {@link
   * #PREDICT_WORKSPACE} scope (the logits and whatever ND4J creates inside its ops), which is
   * recycled by the next prediction. Left to the GC, these off-heap arrays pile up faster than it
   * collects their small Java objects: 2,000 predictions of 128 rows grew RSS by 1.7 GB (README).
   */
  float[] logits(float[] features, int rows) {
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    int last = spec.layerCount() - 1;
    INDArray activations = BatchArrays.matrix(features, rows, spec.inputSize());
    try (MemoryWorkspace scope =
        Nd4j.getWorkspaceManager().getAndActivateWorkspace(PREDICT_WORKSPACE, PREDICT_ID)) {
      for (int l = 0; l < last; l++) {
        INDArray next = model.getLayer(l).activate(activations, false, noWorkspaces);
        if (next != activations) {
          activations.close();
        }
        activations = next;
      }
      Layer output = model.getLayer(last);
      INDArray z =
          activations
              .mmul(output.getParam(DefaultParamInitializer.WEIGHT_KEY))
              .addiRowVector(output.getParam(DefaultParamInitializer.BIAS_KEY));
      // copied to the heap before the scope ends (workspace arrays cannot be closed one by one)
      return (z.ordering() == 'c' && !z.isView() ? z : z.dup('c')).data().asFloat();
    } finally {
      if (!activations.isAttached()) {
        activations.close();
      }
      model.clearLayersStates(); // the layers still point at the closed inputs
    }
  }

  /** Row-major values of {@code array}; the flattened copy, when one is needed, is closed. */
  private static float[] rowMajor(INDArray array) {
    if (array.ordering() == 'c' && !array.isView()) {
      return array.data().asFloat();
    }
    try (INDArray flat = Nd4j.toFlattened('c', array)) {
      return flat.toFloatVector();
    }
  }

  /** Frees the parameter, gradient and updater arrays and this thread's workspaces. */
  @Override
  public void close() {
    model.close();
  }
}

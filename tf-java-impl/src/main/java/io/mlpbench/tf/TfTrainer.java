package io.mlpbench.tf;

import io.mlpbench.core.AdamForm;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * What both TensorFlow routes share: one {@link Graph} and one {@link Session} for the trainer's
 * whole life, a training op run once per batch together with the loss fetch, and feeding that
 * copies each batch once, from the Java array straight into the native tensor.
 */
abstract class TfTrainer implements Trainer {
  private final Graph graph;
  final MlpGraph model;
  private final Op trainOp;
  private final Session session;
  private float[] oneHot = new float[0];

  /** Takes ownership of {@code graph}: closes it with the trainer. */
  TfTrainer(Graph graph, MlpGraph model, Op trainOp, TrainingConfig config) {
    this.graph = graph;
    this.model = model;
    this.trainOp = trainOp;
    this.session = new Session(graph, sessionConfig(config.threads()));
    try {
      // Runs every init-scope op once: the variables' assigns of the shared initial values and
      // the optimizer's slots (Adam's m, v and beta powers).
      session.initialize();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * Intra-op threads (Eigen's pool inside a matmul) and inter-op threads (independent ops run side
   * by side) both set to {@code threads}, so the route uses exactly the cores it is given.
   */
  static ConfigProto sessionConfig(int threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(threads)
        .build();
  }

  /**
   * The configured optimizer with its constants passed explicitly (TF Java's Adam default epsilon
   * is 1e-8, ours is Keras' 1e-7). Adam is {@link OrderedAdam}: TF's ApplyAdam kernel, the
   * epsilon-hat form, without the stock optimizer's beta-power race.
   */
  static Optimizer optimizer(Graph graph, TrainingConfig config) {
    return switch (config.optimizer()) {
      case SGD -> new GradientDescent(graph, (float) config.learningRate());
      case ADAM -> {
        requireSupported(config);
        yield new OrderedAdam(
            graph,
            (float) config.learningRate(),
            (float) config.beta1(),
            (float) config.beta2(),
            (float) config.epsilon());
      }
    };
  }

  /** Fails before any native work when the config asks for what TF's kernels cannot do exactly. */
  static void requireSupported(TrainingConfig config) {
    if (config.optimizer() == OptimizerKind.ADAM && config.adamForm() != AdamForm.EPSILON_HAT) {
      throw new IllegalArgumentException(
          "TensorFlow's ApplyAdam implements the EPSILON_HAT form only; the config asks for "
              + config.adamForm());
    }
  }

  @Override
  public float trainStep(Batch batch) {
    // The loss is the forward value of this run: the update ops depend on the gradients, which
    // depend on the forward pass, so the variables change only after the loss is computed.
    try (Result result = run(batch, runner -> runner.fetch(model.loss).addTarget(trainOp))) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Runs the session on {@code batch}'s first rows; the caller adds fetches and targets. */
  final Result run(Batch batch, UnaryOperator<Session.Runner> request) {
    return withInputs(
        batch,
        (x, y) ->
            request
                .apply(session.runner().feed(model.features, x).feed(model.oneHotLabels, y))
                .run());
  }

  @Override
  public float feed(Batch batch) {
    return withInputs(batch, (x, y) -> x.getFloat(batch.rows() - 1, model.spec.inputSize() - 1));
  }

  /**
   * {@code use} applied to {@code batch} as the two tensors a step feeds (features, one-hot
   * labels), which are closed after it: the whole of the suite's part of a step.
   */
  private <T> T withInputs(Batch batch, BiFunction<TFloat32, TFloat32, T> use) {
    int rows = batch.rows();
    int classes = model.spec.classCount();
    if (oneHot.length < rows * classes) {
      oneHot = new float[rows * classes];
    }
    batch.oneHot(oneHot);
    try (TFloat32 x = tensor(batch.features(), rows, model.spec.inputSize());
        TFloat32 y = tensor(oneHot, rows, classes)) {
      return use.apply(x, y);
    }
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    try (TFloat32 x = tensor(features, rows, model.spec.inputSize());
        Result result = session.runner().feed(model.features, x).fetch(model.logits).run()) {
      return read(result.get(0), rows * model.spec.classCount());
    }
  }

  @Override
  public Parameters exportParameters() {
    ModelSpec spec = model.spec;
    List<Variable<TFloat32>> variables = model.variables();
    Session.Runner runner = session.runner();
    variables.forEach(runner::fetch);
    try (Result result = runner.run()) {
      float[][] w = new float[spec.layerCount()][];
      float[][] b = new float[spec.layerCount()][];
      for (int l = 0; l < spec.layerCount(); l++) {
        w[l] = read(result.get(2 * l), spec.inputs(l) * spec.outputs(l));
        b[l] = read(result.get(2 * l + 1), spec.outputs(l));
      }
      return new Parameters(spec, w, b);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /**
   * A [rows, columns] tensor holding the first rows x columns floats of {@code values}: one bulk
   * copy.
   */
  static TFloat32 tensor(float[] values, int rows, int columns) {
    int count = rows * columns;
    if (values.length < count) {
      throw new IllegalArgumentException(
          String.format(
              "expected at least %d x %d = %d floats to feed, found an array of %d",
              rows, columns, count, values.length));
    }
    return TFloat32.tensorOf(
        Shape.of(rows, columns), t -> t.asRawTensor().data().asFloats().write(values, 0, count));
  }

  /** Every float of a fetched float tensor, in row-major order. */
  static float[] read(org.tensorflow.Tensor tensor) {
    return read(tensor, Math.toIntExact(tensor.shape().size()));
  }

  /** The first {@code count} floats of a fetched float tensor. */
  static float[] read(org.tensorflow.Tensor tensor, int count) {
    float[] values = new float[count];
    tensor.asRawTensor().data().asFloats().read(values, 0, count);
    return values;
  }
}

package io.mlpbench.tf;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Route {@code tf-tape}, the counterpart of a Keras {@code tf.GradientTape} loop: the graph holds
 * the gradients of the loss with respect to every variable as explicit outputs ({@code
 * tf.gradients}), and the optimizer's {@code applyGradients} turns exactly those gradients into the
 * update. Our Java loop runs one session step per batch.
 */
final class TapeTrainer extends TfTrainer {
  /** dLoss/dW0, dLoss/db0, dLoss/dW1, ...: the order of {@link MlpGraph#variables()}. */
  private final List<Output<TFloat32>> gradients;

  private TapeTrainer(
      Graph graph, MlpGraph model, Op trainOp, List<Output<TFloat32>> gradients, TrainingConfig c) {
    super(graph, model, trainOp, c);
    this.gradients = gradients;
  }

  static TapeTrainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    requireSupported(config);
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      MlpGraph model = new MlpGraph(tf, spec, initial);
      List<Variable<TFloat32>> variables = model.variables();
      org.tensorflow.op.core.Gradients dy = tf.gradients(model.loss, variables);
      List<Output<TFloat32>> gradients = new ArrayList<>();
      List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        Output<TFloat32> gradient = dy.dy(i);
        gradients.add(gradient);
        pairs.add(new GradAndVar<>(gradient, variables.get(i).asOutput()));
      }
      Op update = optimizer(graph, config).applyGradients(pairs, "apply_gradients");
      return new TapeTrainer(graph, model, update, gradients, config);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * The gradients of the batch-mean loss on {@code batch} at the current parameters, without
   * updating them: per layer the weight gradient [in x out] row-major (the {@link Parameters}
   * layout) then the bias gradient, i.e. dW0, db0, dW1, db1, ...
   */
  float[][] gradients(Batch batch) {
    try (Result result =
        run(
            batch,
            runner -> {
              gradients.forEach(runner::fetch);
              return runner;
            })) {
      float[][] values = new float[gradients.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = read(result.get(i));
      }
      return values;
    }
  }
}

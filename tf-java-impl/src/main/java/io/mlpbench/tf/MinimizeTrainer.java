package io.mlpbench.tf;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import org.tensorflow.Graph;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Route {@code tf-minimize}, the closest TF Java has to Keras {@code model.fit()}: the optimizer's
 * {@code minimize(loss)} adds gradients and updates as one training op. {@link #trainStep} runs it
 * once per batch and {@code Trainer}'s default {@code fit} drives it over the epochs, as Keras' fit
 * loop does (a non-finite batch loss ends the run, as TerminateOnNaN).
 */
final class MinimizeTrainer extends TfTrainer {

  private MinimizeTrainer(Graph graph, MlpGraph model, Op trainOp, TrainingConfig config) {
    super(graph, model, trainOp, config);
  }

  static MinimizeTrainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    requireSupported(config);
    Graph graph = new Graph();
    try {
      MlpGraph model = new MlpGraph(Ops.create(graph), spec, initial);
      Op minimize = optimizer(graph, config).minimize(model.loss, "minimize");
      return new MinimizeTrainer(graph, model, minimize, config);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }
}

package io.mlpbench.dl4j;

/**
 * Route {@code dl4j-loop}: our loop (the {@link io.mlpbench.core.Trainer#fit} default) calls {@code
 * MultiLayerNetwork.fit(DataSet)} once per batch, as a hand-written DL4J training loop would. No
 * listeners: the loss is read with {@code score()} after each step.
 */
final class LoopTrainer extends Dl4jTrainer {
  LoopTrainer(Dl4jNetwork network) {
    super(network);
  }
}

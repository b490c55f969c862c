package io.mlpbench.core.launch;

/**
 * When a run whose loss is still finite counts as diverged. An epoch's mean training loss above
 * twice the first epoch's, or above 3 x ln(classes) (three times the loss of a uniform guess, 6.9
 * for 10 classes), means the optimizer is making things worse, not learning: the run is failed
 * rather than tabulated with a poor accuracy. Non-finite losses are failures by {@code
 * TrainingDiverged} already.
 */
public final class DivergenceRule {
  private final double ceiling;
  private double firstLoss = Double.NaN;

  public DivergenceRule(int classes) {
    this.ceiling = 3 * Math.log(classes);
  }

  /** The reason the run diverged at this epoch, or null if it did not. */
  public String check(int epoch, double meanLoss) {
    if (!Double.isFinite(meanLoss)) {
      return "epoch " + epoch + " mean loss is " + meanLoss;
    }
    if (meanLoss > ceiling) {
      return String.format(
          "epoch %d mean loss %.4g is above 3 x ln(classes) = %.4g (a uniform guess scores %.4g)",
          epoch, meanLoss, ceiling, ceiling / 3);
    }
    if (Double.isNaN(firstLoss)) {
      firstLoss = meanLoss;
    } else if (meanLoss > 2 * firstLoss) {
      return String.format(
          "epoch %d mean loss %.4g is above twice epoch 1's %.4g", epoch, meanLoss, firstLoss);
    }
    return null;
  }
}

package io.mlpbench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance checks can fail: every known-wrong trainer of {@link WrongTrainers} exceeds some
 * check's tolerance by at least {@link Conformance#REJECTION_MARGIN}, and the two Adam forms are
 * that far apart in the epsilon-form check.
 */
class ConformanceRejectsWrongTrainersTest {

  /**
   * The checks a training mistake can show in, cheapest first (the logits check runs before any
   * training). A mutant is rejected by the first check it exceeds by the margin; the others are not
   * run, to keep this test short (the full table, every mutant against every check, was 89 to 7e5
   * times the tolerance in the check that catches it, 0 in the checks it cannot affect).
   */
  private static final List<Check> CHECKS =
      List.of(
          new Check("fit with a partial last batch", Conformance::fitWithPartialLastBatch),
          new Check("Adam epsilon form", Conformance::adamEpsilonForm),
          new Check("10 Adam steps", Conformance::adamSteps),
          new Check("20 SGD steps", Conformance::sgdSteps));

  private record Check(
      String name, Function<Conformance.TrainerFactory, Conformance.Deviation> run) {}

  static List<WrongTrainers.Mutant> mutants() {
    return WrongTrainers.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void everyWrongTrainerIsRejectedWithAMargin(WrongTrainers.Mutant mutant) {
    List<Conformance.Deviation> deviations = new ArrayList<>();
    for (Check check : CHECKS) {
      Conformance.Deviation d;
      try {
        d = check.run().apply(mutant.factory());
      } catch (TrainingDiverged e) {
        // a diverging run fails the conformance test as surely as a wrong number
        d = new Conformance.Deviation(check.name(), "divergence: " + e.getMessage(), Double.NaN, 1);
      }
      deviations.add(d);
      System.out.println("mutant '" + mutant + "': " + d);
      if (d.ratio() >= Conformance.REJECTION_MARGIN) {
        return;
      }
    }
    throw new AssertionError(
        "'"
            + mutant
            + "' passes every check within "
            + Conformance.REJECTION_MARGIN
            + "x its tolerance: "
            + deviations);
  }
}

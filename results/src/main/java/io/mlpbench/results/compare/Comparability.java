package io.mlpbench.results.compare;

import io.mlpbench.results.env.HardwareClass;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two runs may be compared at all: timings and even accuracy (thread-dependent reduction
 * order) only mean something on the same hardware class with the same thread count, trained the
 * same way.
 */
public final class Comparability {
  private Comparability() {}

  /**
   * Why the environments are of different hardware classes, or null when they are the same ({@link
   * HardwareClass}: CPU model, cores, ISA flags, JDK, threads). Hostname, kernel, OS string and
   * memory bytes are recorded with each run but are not compared, so two fresh CI machines of the
   * same kind compare.
   */
  public static String environmentMismatch(EnvironmentRecord reference, EnvironmentRecord now) {
    if (reference == null || now == null) {
      return "environment not recorded in the "
          + (reference == null ? "reference" : "new")
          + " run";
    }
    String why = HardwareClass.of(reference).mismatch(HardwareClass.of(now));
    return why == null ? null : "different hardware class: " + why;
  }

  /** Why the training settings differ so accuracy is not comparable, or null when they match. */
  public static String trainingMismatch(RunSettings reference, RunSettings now) {
    if (reference == null || now == null) {
      return null; // nothing recorded to compare; accuracy rows still carry the route's result
    }
    List<String> reasons = new ArrayList<>();
    differ(reasons, "dataset", reference.dataset(), now.dataset());
    differ(reasons, "layers", reference.layerSizes(), now.layerSizes());
    differ(reasons, "activation", reference.activation(), now.activation());
    differ(reasons, "optimizer", reference.optimizer(), now.optimizer());
    differ(reasons, "learning rate", reference.learningRate(), now.learningRate());
    differ(reasons, "batch size", reference.batchSize(), now.batchSize());
    differ(reasons, "epochs", reference.epochs(), now.epochs());
    differ(reasons, "Adam beta1", reference.beta1(), now.beta1());
    differ(reasons, "Adam beta2", reference.beta2(), now.beta2());
    differ(reasons, "Adam epsilon", reference.epsilon(), now.epsilon());
    differ(
        reasons,
        "training samples (0 = all)",
        reference.effectiveTrainLimit(),
        now.effectiveTrainLimit());
    differ(
        reasons,
        "test samples (0 = all)",
        reference.effectiveTestLimit(),
        now.effectiveTestLimit());
    return reasons.isEmpty() ? null : "different training settings: " + String.join("; ", reasons);
  }

  /** Why the model differs so throughput is not comparable, or null when it matches. */
  public static String modelMismatch(RunSettings reference, RunSettings now) {
    if (reference == null || now == null) {
      return null;
    }
    List<String> reasons = new ArrayList<>();
    differ(reasons, "layers", reference.layerSizes(), now.layerSizes());
    differ(reasons, "activation", reference.activation(), now.activation());
    return reasons.isEmpty() ? null : "different model: " + String.join("; ", reasons);
  }

  private static void differ(List<String> reasons, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      reasons.add(what + " " + a + " vs " + b);
    }
  }
}

package io.mlpbench.core;

import java.util.List;

/**
 * One way of training the MLP, named {@code <framework>-<style>} (e.g. {@code manual}, {@code
 * dl4j-fit}, {@code tf-tape}). Routes are found with {@link Routes}; implementations must be cheap
 * to construct (no native loading until {@link #create}).
 */
public interface Route {
  /** The route id users type, e.g. {@code djl-loop}. */
  String id();

  /** Framework name, e.g. {@code DL4J}. */
  String framework();

  /** Framework version actually on this route's classpath. */
  String frameworkVersion();

  ApiStyle style();

  /** Environment and JVM flags the route's JVM needs for {@code config} (threads included). */
  default LaunchRequirements launchRequirements(TrainingConfig config) {
    return LaunchRequirements.NONE;
  }

  /**
   * Maven artifact ids of the native libraries (and their bindings) on this route's classpath, e.g.
   * {@code javacpp}; the run record names their versions, read from the jar names.
   */
  default List<String> nativeLibraries() {
    return List.of();
  }

  /** Builds the model from {@code spec}, loads {@code initial} exactly, and prepares training. */
  Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial);
}

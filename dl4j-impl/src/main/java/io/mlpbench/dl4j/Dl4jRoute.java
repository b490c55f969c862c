package io.mlpbench.dl4j;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Routes {@code dl4j-fit} (DL4J's {@code MultiLayerNetwork.fit(DataSetIterator, epochs)}) and
 * {@code dl4j-loop} (our loop calling {@code fit(DataSet)} once per batch). Construction touches no
 * native code; ND4J loads on the first {@link #create}.
 */
public final class Dl4jRoute implements Route {
  public static final String FIT_ID = "dl4j-fit";
  public static final String LOOP_ID = "dl4j-loop";

  private static final String VERSION_RESOURCE =
      "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";

  private final String id;
  private final ApiStyle style;

  private Dl4jRoute(String id, ApiStyle style) {
    this.id = id;
    this.style = style;
  }

  public static Dl4jRoute fit() {
    return new Dl4jRoute(FIT_ID, ApiStyle.FIT);
  }

  public static Dl4jRoute loop() {
    return new Dl4jRoute(LOOP_ID, ApiStyle.LOOP);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String framework() {
    return "DL4J";
  }

  /** Read from deeplearning4j-nn's Maven metadata, so no native code is loaded. */
  @Override
  public String frameworkVersion() {
    try (InputStream in = Dl4jRoute.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "deeplearning4j-nn is not on this classpath: " + VERSION_RESOURCE + " is missing");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
    }
  }

  @Override
  public ApiStyle style() {
    return style;
  }

  /**
   * OpenMP settings for ND4J's native backend, which reads them once when it loads, so they must be
   * in the route JVM's environment (setting them from Java is too late). OMP_NUM_THREADS sizes both
   * libnd4j's and OpenBLAS's pools (ND4J passes it to openblas_set_num_threads). PASSIVE makes idle
   * OpenMP threads sleep instead of spinning against the JVM's own threads: measured on 2 cores,
   * 3,600 samples/s at the defaults, 10,000 with PASSIVE. It slows other frameworks (PyTorch by
   * about 25%), hence per route JVM, never global.
   */
  @Override
  public LaunchRequirements launchRequirements(TrainingConfig config) {
    return new LaunchRequirements(
        Map.of("OMP_NUM_THREADS", Integer.toString(config.threads()), "OMP_WAIT_POLICY", "PASSIVE"),
        List.of());
  }

  @Override
  public List<String> nativeLibraries() {
    return List.of("nd4j-native", "javacpp", "openblas", "mkl");
  }

  @Override
  public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    if (!spec.equals(initial.spec())) {
      throw new IllegalArgumentException(
          "initial parameters are for " + initial.spec() + " but the model is " + spec);
    }
    Dl4jNetwork network = Dl4jNetwork.build(spec, config, initial);
    NativeThreads.warnOnMismatch(config.threads());
    return style == ApiStyle.FIT ? new FitTrainer(network) : new LoopTrainer(network);
  }
}

package io.mlpbench.tf;

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
 * The two TensorFlow Java routes. Cheap to construct: TensorFlow's native library loads in create.
 */
enum TfRoute implements Route {
  /** Explicit gradients + {@code applyGradients}, driven by our loop: see {@link TapeTrainer}. */
  TAPE("tf-tape", ApiStyle.LOOP),
  /** {@code minimize(loss)} driven by a fit loop: see {@link MinimizeTrainer}. */
  MINIMIZE("tf-minimize", ApiStyle.FIT);

  private final String id;
  private final ApiStyle style;

  TfRoute(String id, ApiStyle style) {
    this.id = id;
    this.style = style;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String framework() {
    return "TensorFlow Java";
  }

  @Override
  public String frameworkVersion() {
    return ApiVersion.VALUE;
  }

  @Override
  public ApiStyle style() {
    return style;
  }

  /**
   * TF_CPP_MIN_LOG_LEVEL=2 keeps TensorFlow's native INFO and WARNING lines (CPU feature and oneDNN
   * notices) out of the output; threads are set per session, so nothing else is needed.
   */
  @Override
  public LaunchRequirements launchRequirements(TrainingConfig config) {
    return new LaunchRequirements(Map.of("TF_CPP_MIN_LOG_LEVEL", "2"), List.of());
  }

  @Override
  public List<String> nativeLibraries() {
    return List.of("tensorflow-core-native", "tensorflow-core-api", "javacpp");
  }

  @Override
  public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    return switch (this) {
      case TAPE -> TapeTrainer.create(spec, config, initial);
      case MINIMIZE -> MinimizeTrainer.create(spec, config, initial);
    };
  }

  /** The tensorflow-core-api version on the classpath, read from its Maven metadata. */
  private static final class ApiVersion {
    static final String VALUE = read();

    private static String read() {
      String path = "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties";
      try (InputStream in = TfRoute.class.getResourceAsStream(path)) {
        if (in == null) {
          return "unknown (no " + path + " on the classpath)";
        }
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + path, e);
      }
    }
  }
}

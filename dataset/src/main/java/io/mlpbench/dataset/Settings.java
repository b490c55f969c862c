package io.mlpbench.dataset;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where unset options come from: system properties first, then environment variables. Injectable so
 * tests can state an environment without touching the real one.
 */
record Settings(Function<String, String> properties, Function<String, String> environment) {
  static final String DATA_DIR_PROPERTY = "mlpbench.data.dir";
  static final String DATA_DIR_ENV = "MLPBENCH_DATA_DIR";
  static final String CACHE_DIR_PROPERTY = "mlpbench.cache.dir";
  static final String CACHE_DIR_ENV = "MLPBENCH_CACHE_DIR";
  static final String NPM_PROPERTY = "mlpbench.npm";
  static final String NPM_ENV = "MLPBENCH_NPM";

  static Settings system() {
    return new Settings(System::getProperty, System::getenv);
  }

  /** A non-blank value and a phrase naming where it came from, for error messages. */
  record Value(String value, String origin) {}

  Optional<Value> lookup(String property, String environmentVariable) {
    String fromProperty = properties.apply(property);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(new Value(fromProperty.trim(), "system property " + property));
    }
    String fromEnvironment = environment.apply(environmentVariable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(
          new Value(fromEnvironment.trim(), "environment variable " + environmentVariable));
    }
    return Optional.empty();
  }
}

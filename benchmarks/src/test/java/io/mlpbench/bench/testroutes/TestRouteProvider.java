package io.mlpbench.bench.testroutes;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * Test-only routes for the runner's isolation test: {@code test-ok} works (and checks that its
 * declared environment and JVM flag reached the measured JVM), {@code test-crash} crashes its JVM
 * natively (SIGSEGV), {@code test-throws} fails every training step.
 */
public final class TestRouteProvider implements RouteProvider {
  static final String ENV = "MLPBENCH_TEST_ROUTE";
  static final String FLAG = "mlpbench.test.flag";

  @Override
  public List<Route> routes() {
    return List.of(
        new TestRoute("test-ok"), new TestRoute("test-crash"), new TestRoute("test-throws"));
  }

  /** A real native crash: SIGSEGV writing to address 0; the JVM aborts with exit code 134. */
  @SuppressWarnings("removal")
  private static void crashNatively() {
    try {
      java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      ((sun.misc.Unsafe) field.get(null)).putAddress(0, 0);
    } catch (ReflectiveOperationException e) {
      // no Unsafe: end the JVM the way the crash handler would
    }
    Runtime.getRuntime().halt(134);
  }

  private record TestRoute(String id) implements Route {
    @Override
    public String framework() {
      return "test";
    }

    @Override
    public String frameworkVersion() {
      return "0";
    }

    @Override
    public ApiStyle style() {
      return ApiStyle.LOOP;
    }

    @Override
    public LaunchRequirements launchRequirements(TrainingConfig config) {
      return new LaunchRequirements(
          Map.of(ENV, "applied-" + config.threads()), List.of("-D" + FLAG + "=applied"));
    }

    @Override
    public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
      switch (id) {
        case "test-crash" -> crashNatively();
        case "test-throws" -> {
          return new TinyTrainer(initial, true);
        }
        default -> {
          String env = System.getenv(ENV);
          if (!("applied-" + config.threads()).equals(env)
              || !"applied".equals(System.getProperty(FLAG))) {
            throw new IllegalStateException(
                "launch requirements not applied: "
                    + ENV
                    + "="
                    + env
                    + ", "
                    + FLAG
                    + "="
                    + System.getProperty(FLAG));
          }
        }
      }
      return new TinyTrainer(initial, false);
    }
  }
}

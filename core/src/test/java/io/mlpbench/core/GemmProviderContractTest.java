package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link GemmProvider}, run by each module that registers one (as {@link
 * RouteConformanceTest} is): registered as a service, names its library with a version, and
 * computes C = A B on an odd-sized problem within float rounding of a double-precision reference
 * ({@link GemmReference}; {@link GemmProviderContractRejectsWrongProvidersTest} shows the check
 * fails for wrong kernels). Subclass it and return the provider.
 */
public abstract class GemmProviderContractTest {

  /** The provider under test, constructed directly. */
  protected abstract GemmProvider provider();

  /** Thread counts to check at; a library whose threads are fixed when it loads overrides this. */
  protected List<Integer> threadCounts() {
    return List.of(1, 2);
  }

  @Test
  void isRegisteredInTheModulesServiceFile() {
    assertThat(ServiceLoader.load(GemmProvider.class).stream().map(p -> p.type().getName()))
        .contains(provider().getClass().getName());
  }

  @Test
  void namesItsLibraryWithAVersion() {
    assertThat(provider().library()).containsPattern("[0-9]");
  }

  @Test
  void productMatchesADoublePrecisionReference() {
    for (int threads : threadCounts()) {
      GemmReference.assertMultiplies(provider(), threads);
    }
  }
}

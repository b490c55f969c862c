package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.Route;
import io.mlpbench.core.Routes;
import io.mlpbench.core.TrainingConfig;
import org.junit.jupiter.api.Test;

class RouteTest {
  @Test
  void isFoundThroughTheServiceLoaderWithItsLaunchFlags() {
    Route route = Routes.byId("manual");
    assertThat(route).isInstanceOf(ManualRoute.class);
    assertThat(route.style()).isEqualTo(ApiStyle.MANUAL);
    assertThat(route.framework()).isEqualTo("plain Java");
    assertThat(route.launchRequirements(TrainingConfig.defaults()).jvmArgs())
        .containsExactly("--add-modules", "jdk.incubator.vector");
    assertThat(route.launchRequirements(TrainingConfig.defaults()).environment()).isEmpty();
  }
}

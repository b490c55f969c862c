package io.mlpbench.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The optimizers every route supports. */
public enum OptimizerKind {
  ADAM,
  SGD;

  @JsonCreator
  public static OptimizerKind parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown optimizer '" + name + "': expected one of adam, sgd");
    }
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.mlpbench.results.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of run records, shared by the file history, the PostgreSQL store and the
 * report, so a record reads back the same wherever it was written. Instants are ISO-8601 strings;
 * unknown fields are ignored so records from newer suites with additive changes stay readable.
 */
public final class RunRecordJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private RunRecordJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

package io.mlpbench.results.store;

/**
 * A run record that no store may hold as it is (e.g. text with U+0000, which PostgreSQL text cannot
 * store). Unlike a lost connection this is the record's fault: retrying cannot help, other records
 * are unaffected, and the message names the record and the field.
 */
public class InvalidRecordException extends StoreException {
  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.flaxj.python;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A sandboxed session whose stdout and stderr the test can read. */
final class Sessions implements AutoCloseable {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final PythonSession session;

  Sessions(Sandbox sandbox) {
    session = PythonSession.open(sandbox, new ByteArrayInputStream(new byte[0]), out, err);
  }

  static Sessions readOnly(Path dir) {
    return new Sessions(new Sandbox(List.of(dir), false));
  }

  /** Runs {@code code} in fresh globals; returns the string it leaves in {@code _result}. */
  String result(String code) {
    return session.exec("snippet", code).getHashValue("_result").asString();
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    session.close();
  }
}

package dev.flaxj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, tracebacks with the script's lines, doctest reports. */
class MainTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result main(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void runBehavesLikePython() throws IOException {
    Path script = dir.resolve("s.py");
    Files.writeString(script, String.join("\n",
        "import sys, jax.numpy as jnp",
        "print('args', sys.argv[1:])",
        "def f(x):",
        "    return x + jnp.ones(4)",
        "f(jnp.ones(3))",
        ""));
    Result r = main("run", script.toString(), "a", "b");
    assertEquals(1, r.code);
    assertTrue(r.out.contains("args ['a', 'b']"), r.out);
    assertTrue(r.err.contains("line 5, in <module>"), r.err);
    assertTrue(r.err.contains("line 4, in f"), r.err);
    assertTrue(r.err.contains("TypeError: add: incompatible shapes"), r.err);
    assertFalse(r.err.contains("\tat "), "no Java stack trace: " + r.err);

    Files.writeString(script, "import sys\nsys.exit(3)\n");
    assertEquals(3, main("run", script.toString()).code);
    Files.writeString(script, "def broken(:\n");
    Result syntax = main("run", script.toString());
    assertEquals(1, syntax.code);
    assertTrue(syntax.err.contains("SyntaxError"), syntax.err);
  }

  @Test
  void missingFileIsOneLine() {
    Result r = main("run", dir.resolve("nope.py").toString());
    assertEquals(2, r.code);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("can't open file"), r.err);
  }

  @Test
  void doctestReportsEachFailureAndCounts() throws IOException {
    Path page = dir.resolve("page.txt");
    Files.writeString(page, String.join("\n",
        "Some text.",
        "",
        ">>> import jax.numpy as jnp",
        ">>> jnp.ones(2) * 2",
        "Array([2., 2.], dtype=float32)",
        ">>> jnp.arange(3).sum()",
        "Array(4, dtype=int32)",
        ""));
    Result r = main("doctest", page.toString());
    assertEquals(1, r.code);
    assertTrue(r.out.contains("Failed example:\n    jnp.arange(3).sum()"), r.out);
    assertTrue(r.out.contains("Got:\n    Array(3, dtype=int32)"), r.out);
    assertTrue(r.out.strip().endsWith("2 passed, 1 failed"), r.out);
  }
}

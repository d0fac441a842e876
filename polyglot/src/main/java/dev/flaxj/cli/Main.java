package dev.flaxj.cli;

import dev.flaxj.python.PythonSession;
import dev.flaxj.python.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;

/**
 * Entry point of the {@code flaxj} command line: {@code run script.py [args]},
 * {@code doctest FILE...}, {@code dense-example}, or the interactive prompt when given nothing.
 * {@code --allow-io} (before the command) lets scripts read and write files anywhere.
 */
public final class Main {
  private static final String USAGE = String.join("\n",
      "usage: flaxj [--allow-io] [run SCRIPT.py [ARG...] | doctest FILE... | dense-example]",
      "  (no command)      interactive Python prompt with jax and flax",
      "  run SCRIPT.py     run a Python script, like `python SCRIPT.py ARG...`",
      "  doctest FILE...   run the >>> examples of .txt/.rst/.md/.py files, like `python -m doctest`",
      "  dense-example     initialise and apply a Dense layer from Java and print its parameter tree",
      "  conformance       run the conformance suite (Flax's doc examples vs goldens); --help for options",
      "  --allow-io        let the script read and write files anywhere (default: read only under",
      "                    the script's folder, write nowhere); network and processes stay off");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] argv) {
    List<String> args = new ArrayList<>(List.of(argv));
    boolean allowIo = args.remove("--allow-io");
    String command = args.isEmpty() ? "" : args.remove(0);
    try {
      switch (command) {
        case "dense-example":
          DenseExample.run(System.out);
          return 0;
        case "run":
          return runScript(args, allowIo);
        case "doctest":
          return doctest(args, allowIo);
        case "conformance":
          return dev.flaxj.python.conformance.ConformanceCommand.run(args, System.out);
        case "":
          return repl(allowIo);
        case "-h": case "--help": case "help":
          System.out.println(USAGE);
          return 0;
        default:
          System.err.println("flaxj: unknown command '" + command + "'");
          System.err.println(USAGE);
          return 2;
      }
    } catch (PolyglotException e) {
      return Failure.report(e);
    }
  }

  private static int runScript(List<String> args, boolean allowIo) {
    if (args.isEmpty()) {
      System.err.println("flaxj run: missing script\n" + USAGE);
      return 2;
    }
    Path script = Path.of(args.get(0)).toAbsolutePath().normalize();
    if (!Files.isRegularFile(script)) {
      System.err.println("flaxj: can't open file '" + args.get(0) + "': No such file");
      return 2;
    }
    try (PythonSession py = PythonSession.open(new Sandbox(List.of(script.getParent()), allowIo))) {
      return py.runFile(script, args.subList(1, args.size()));
    }
  }

  private static int doctest(List<String> files, boolean allowIo) {
    if (files.isEmpty()) {
      System.err.println("flaxj doctest: missing files\n" + USAGE);
      return 2;
    }
    List<Path> paths = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    for (String f : files) {
      Path p = Path.of(f).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        System.err.println("flaxj: can't open file '" + f + "': No such file");
        return 2;
      }
      paths.add(p);
      roots.add(p.getParent());
    }
    try (PythonSession py = PythonSession.open(new Sandbox(roots, allowIo))) {
      return py.doctest(paths) == 0 ? 0 : 1;
    }
  }

  private static int repl(boolean allowIo) {
    Path cwd = Path.of("").toAbsolutePath();
    try (PythonSession py = PythonSession.open(new Sandbox(List.of(cwd), allowIo))) {
      return py.repl();
    }
  }
}

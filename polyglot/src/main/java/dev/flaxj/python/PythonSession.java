package dev.flaxj.python;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One sandboxed GraalPy context on the shared {@link PythonEngine}, with the flaxj packages
 * importable ({@code jax}, {@code flax}) and the Java API of {@link Bridges} published to them.
 * Each script, doctest file or snippet runs with fresh globals; imported modules are shared
 * within the session.
 */
public final class PythonSession implements AutoCloseable {
  private final Context context;
  private final Value runtime;

  private PythonSession(Context context) {
    this.context = context;
    Source importer = Source.newBuilder("python",
        ResourceModules.read(ResourceModules.ROOT + "_flaxj_importer.py"),
        ResourceModules.ROOT + "_flaxj_importer.py").buildLiteral();
    context.eval(importer);
    Value bindings = context.getBindings("python");
    Value install = bindings.getMember("_flaxj_install");
    bindings.removeMember("_flaxj_install");
    Value facades = context.eval("python", "{}");
    for (Class<?> c : Bridges.FACADES) {
      facades.putHashEntry(c.getSimpleName(), context.asValue(c).getMember("static"));
    }
    install.execute(new ResourceModules(), facades);
    runtime = context.eval("python", "__import__('_flaxj_runtime')");
  }

  /** A session with the given sandbox, reading stdin and writing stdout/stderr as given. */
  public static PythonSession open(Sandbox sandbox, InputStream in, OutputStream out, OutputStream err) {
    Context.Builder b = Context.newBuilder("python")
        .engine(PythonEngine.shared())
        .in(in)
        .out(out)
        .err(err);
    return new PythonSession(sandbox.configure(b).build());
  }

  /** A session on the process's standard streams. */
  public static PythonSession open(Sandbox sandbox) {
    return open(sandbox, System.in, System.out, System.err);
  }

  /**
   * Runs {@code script} as {@code python script args...} would: {@code sys.argv}, a traceback on
   * stderr for an uncaught exception. Returns the exit code.
   */
  public int runFile(Path script, List<String> args) {
    return runtime.getMember("run_file").execute(script.toString(), args.toArray()).asInt();
  }

  /**
   * Runs the {@code >>>} examples of each file like {@code python -m doctest}, each file with fresh
   * globals; prints failures and a closing {@code N passed, M failed}. Returns the number failed.
   */
  public int doctest(List<Path> files) {
    return runtime.getMember("doctest_files").execute(files.stream().map(Path::toString).toArray())
        .asInt();
  }

  /** The interactive prompt, until end of input or {@code exit()}. Returns the exit code. */
  public int repl() {
    return runtime.getMember("repl").execute().asInt();
  }

  /**
   * Executes {@code code} as a fresh {@code __main__}-like module named {@code name} and returns its
   * globals; exceptions propagate as {@link org.graalvm.polyglot.PolyglotException}.
   */
  public Value exec(String name, String code) {
    return runtime.getMember("exec_source").execute(name, code);
  }

  @Override
  public void close() {
    context.close(true);
  }
}
